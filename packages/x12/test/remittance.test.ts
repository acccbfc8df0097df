import { balance835, parse835 } from '@x12/index.ts';
import { describe, expect, it } from 'vitest';
import { fixture, fixtureNames } from './fixtures.ts';

/** Files whose SVC01 uses ">" while ISA16 says ":" (fixtures README). */
const wrongComponent = new Set(['lfh-cob-contractural-adjustment.835', 'lfh-secondary-payment.835']);

describe('parse835', () => {
  it('reads all 7 public 835 files and every remittance balances: BPR02 = ΣCLP04 − ΣPLB', () => {
    const names = fixtureNames('835');
    expect(names).toHaveLength(7);
    let remittances = 0;
    for (const file of names) {
      const { transactions } = parse835(fixture(`835/${file}`), { lenient: wrongComponent.has(file) });
      expect(transactions.length, file).toBeGreaterThan(0);
      for (const r of transactions) {
        expect(balance835(r), file).toMatchObject({ balanced: true, differenceCents: 0 });
        expect(r.trn.traceNumber, file).not.toBe('');
        remittances++;
      }
    }
    expect(remittances).toBe(6 + 156);
  });

  it('balances the Medicare Part A example only when PLB is counted (a negative PLB adds to the payment)', () => {
    const [r] = parse835(fixture('835/lfh-medicare-part-a.835')).transactions;
    if (!r) throw new Error('no remittance');
    expect(r.bpr).toEqual({ handlingCode: 'C', paymentCents: 15000000, creditDebit: 'C', method: 'ACH', date: '2002-09-13' });
    expect(r.claims.map((c) => c.paidCents)).toEqual([13801840, 1198033]);
    expect(r.providerAdjustments).toEqual([
      { providerId: '6543210903', fiscalPeriodDate: '2002-12-31', reasonCode: 'CV', reference: 'CP', amountCents: -127 },
    ]);
    expect(balance835(r)).toEqual({
      balanced: true,
      paymentCents: 15000000,
      claimsPaidCents: 14999873,
      providerAdjustmentsCents: -127,
      differenceCents: 0,
    });
    expect(balance835({ ...r, providerAdjustments: [] }).differenceCents).toBe(127);
    // Recoupments larger than the payments: BPR02 is written positive with BPR03 D (the provider owes).
    const owed = {
      ...r,
      bpr: { ...r.bpr, creditDebit: 'D', paymentCents: 20_000 },
      claims: [{ ...(r.claims[0] as (typeof r.claims)[number]), paidCents: 10_000 }],
      providerAdjustments: [
        { providerId: '6543210903', fiscalPeriodDate: '2002-12-31', reasonCode: 'WO', reference: 'X', amountCents: 30_000 },
      ],
    };
    expect(balance835(owed)).toMatchObject({ balanced: true, paymentCents: -20_000, differenceCents: 0 });
    expect(balance835({ ...owed, bpr: { ...owed.bpr, creditDebit: 'C' } }).balanced).toBe(false);
    expect(r.claims[0]).toMatchObject({
      patientControlNumber: '666123',
      statusCode: '1',
      chargeCents: 21136697,
      payerClaimControlNumber: '1999999444444',
      adjustments: [{ group: 'CO', reasonCode: '45', amountCents: 7334857 }],
    });
    expect(r.claims[1]?.remarkCodes).toEqual(['MA02']);
    expect(r.payer).toEqual({ name: 'INSURANCE COMPANY OF TIMBUCKTU', id: '999' });
    expect(r.payee).toEqual({ name: 'REGIONAL HOPE HOSPITAL', idQualifier: 'XX', id: '6543210903' });
  });

  it('maps claims, lines, CAS by group and remark codes of the NY Medicaid sample', () => {
    const [r] = parse835(fixture('835/tp-profee.edi')).transactions;
    expect(r?.trn).toEqual({ traceNumber: '10100000000', payerId: '1000000000' });
    expect(r?.claims.map((c) => [c.statusCode, c.chargeCents, c.paidCents, c.payerClaimControlNumber])).toEqual([
      ['1', 3425, 3425, '1000210000000030'],
      ['2', 3400, 0, '1000220000000020'],
      ['2', 3425, 1150, '1000230000000020'],
    ]);
    expect(r?.claims[0]?.lines.map((l) => [l.procedureCode, l.modifiers, l.chargeCents, l.paidCents, l.units, l.dateOfService])).toEqual([
      ['V2020', ['RB'], 600, 600, 1, '2010-01-01'],
      ['V2700', ['RB'], 275, 275, 1, '2010-01-01'],
      ['V2103', ['RB'], 550, 550, 1, '2010-01-01'],
      ['S0580', [], 2000, 2000, 2, '2010-01-01'],
    ]);
    const denied = r?.claims[1]?.lines.flatMap((l) => l.adjustments);
    expect(denied?.every((a) => a.group === 'CO' && a.reasonCode === '29')).toBe(true);
    const partial = r?.claims[2];
    expect(partial?.lines.flatMap((l) => l.adjustments.map((a) => a.reasonCode))).toContain('251');
    expect(partial?.lines.flatMap((l) => l.remarkCodes)).toContain('N206');
    // At line level charge − paid = ΣCAS.
    for (const c of r?.claims ?? [])
      for (const l of c.lines) expect(l.chargeCents - l.paidCents).toBe(l.adjustments.reduce((t, a) => t + a.amountCents, 0));
  });

  it('reads SVC06/SVC07 (the procedure and units the claim sent, when the payer adjudicated others) and REF*6R', () => {
    // The payer paid V2020 as V2025 and 1 unit of 2: SVC01 the adjudicated code, SVC06 the one sent.
    const text = fixture('835/tp-profee.edi').replace(
      'SVC*HC:V2020:RB*6*6**1~',
      'SVC*HC:V2025:RB*6*6**1*HC:V2020:RB:LT*2~REF*6R*C0000042-1~',
    );
    // One segment more than SE01 says (the added REF): read leniently.
    const [r] = parse835(text, { lenient: true }).transactions;
    const line = r?.claims[0]?.lines[0];
    expect(line).toMatchObject({
      procedureCode: 'V2025',
      modifiers: ['RB'],
      units: 1,
      submittedProcedure: { qualifier: 'HC', procedureCode: 'V2020', modifiers: ['RB', 'LT'] },
      submittedUnits: 2,
      lineItemControlNumber: 'C0000042-1',
    });
    // A line adjudicated as sent carries neither.
    expect(r?.claims[0]?.lines[1]).not.toHaveProperty('submittedProcedure');
    expect(r?.claims[0]?.lines[1]).not.toHaveProperty('submittedUnits');
  });

  it('reads SVC composites written with ">" under ISA16 ":" in lenient mode', () => {
    expect(() => parse835(fixture('835/lfh-secondary-payment.835'))).toThrow(expect.objectContaining({ code: 'COMPONENT_SEPARATOR' }));
    const [r] = parse835(fixture('835/lfh-secondary-payment.835'), { lenient: true }).transactions;
    expect(r?.claims[1]?.lines.map((l) => [l.procedureCode, l.modifiers, l.chargeCents, l.paidCents])).toEqual([
      ['12345', ['26'], 16650, 3000],
      ['66543', ['26'], 58500, 28000],
    ]);
    expect(r?.claims[1]?.lines[1]?.adjustments).toEqual([
      { group: 'PR', reasonCode: '1', amountCents: 15000 },
      { group: 'PR', reasonCode: '2', amountCents: 7000 },
      { group: 'CO', reasonCode: '42', amountCents: 8500 },
    ]);
    expect(r?.claims[1]?.patientResponsibilityCents).toBe(22000);
  });

  it('gives every copy in the multi-interchange file the same trace number (the import idempotency key)', () => {
    const { transactions } = parse835(fixture('835/tp-profee-multiple.edi'));
    expect(new Set(transactions.map((t) => `${t.trn.payerId}/${t.trn.traceNumber}`))).toEqual(new Set(['1000000000/10100000000']));
  });
});
