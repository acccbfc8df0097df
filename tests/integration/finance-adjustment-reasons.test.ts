/**
 * Adjustments by reason and period: a payer's 835 adjusts one claim with CO-45, PR-1 and OA-23
 * and denies another, which is then written off; the patient's PR balance goes in a small-balance
 * write-off; another patient is refunded part of a cash payment. The collections report lists
 * each reason with its exact cents in its week and month, its totals agree with the figures by
 * account, and the reasons CSV carries the same rows.
 */
import { randomUUID } from 'node:crypto';
import { FakeClock } from '@domain/shared/clock.ts';
import { describe, expect, it } from 'vitest';
import { adjudicate, submitClaim } from '../helpers/adjudication-fixtures.ts';
import { billingPractice, readyClaim, temporaryClaimsOutbox } from '../helpers/claim-fixtures.ts';
import { createTestApp } from '../helpers/test-app.ts';

temporaryClaimsOutbox();
const clock = new FakeClock('2026-04-20T16:00:00Z');
const t = await createTestApp({ clock });

type ReasonRow = { periodStart: string; reason: string; category: string; cents: number };

describe('collections and adjustments by reason', () => {
  it('splits remittance adjustments by CARC group and code, and write-offs and refunds by kind, per period, in JSON and CSV', async () => {
    const p = await billingPractice(t);
    const adjusted = await readyClaim(t, p);
    const denied = await readyClaim(t, p);
    await submitClaim(t, p.org, adjusted.id);
    await submitClaim(t, p.org, denied.id);
    const lines = await t.db
      .selectFrom('claim_lines')
      .select(['line_number', 'charge_cents'])
      .where('claim_id', '=', adjusted.id)
      .orderBy('line_number')
      .execute();
    const [l1, l2] = lines.map((l) => Number(l.charge_cents));
    if (l1 === undefined || l2 === undefined || l1 < 6_000 || l2 < 600) throw new Error(`two billable lines expected, got ${lines.length}`);
    // Line 1: CO-45 3,000, PR-1 2,000, the rest paid; line 2: OA-23 500, the rest paid.
    await adjudicate(t, p.org, adjusted.id, {
      status: 'paid',
      paidDate: '2026-04-01',
      patientResponsibilityCents: 2_000,
      lines: [
        {
          lineNumber: 1,
          paidCents: l1 - 5_000,
          adjustments: [
            { group: 'CO', reasonCode: '45', amountCents: 3_000 },
            { group: 'PR', reasonCode: '1', amountCents: 2_000 },
          ],
        },
        { lineNumber: 2, paidCents: l2 - 500, adjustments: [{ group: 'OA', reasonCode: '23', amountCents: 500 }] },
      ],
    });
    // Denied without an adjustment: the whole claim stays on the payer's side until written off (today).
    await adjudicate(t, p.org, denied.id, {
      status: 'denied',
      paidDate: '2026-04-08',
      lines: [
        { lineNumber: 1, paidCents: 0, adjustments: [] },
        { lineNumber: 2, paidCents: 0, adjustments: [] },
      ],
    });
    const wo = await t.as(p.org, 'office_manager').post(`/api/claims/${denied.id}/write-off`, { reason: 'Past the appeal deadline' });
    expect(wo.statusCode, wo.body).toBe(200);
    const deniedTotal = denied.totalChargeCents;
    // The PR-1 balance (2,000) goes in a small-balance write-off.
    const batch = await t
      .as(p.org, 'office_manager')
      .post('/api/collections/small-balance-write-offs', { maxBalanceCents: 2_500, reason: 'Below statement cost' });
    expect(batch.statusCode, batch.body).toBe(201);
    // The denied claim's patient pays 500 cash on account and is refunded 300.
    const paid = await t
      .as(p.org, 'front_desk')
      .post(
        '/api/payments',
        { patientId: denied.patientId, locationId: p.org.locationId, amountCents: 500, method: 'cash' },
        { 'idempotency-key': randomUUID() },
      );
    expect(paid.statusCode, paid.body).toBe(201);
    const refund = await t
      .as(p.org, 'biller')
      .post(`/api/payments/${paid.json().id}/refund`, { amountCents: 300, reason: 'Overpaid at the desk' });
    expect(refund.statusCode, refund.body).toBe(201);

    const weekly = await t.as(p.org, 'biller').get('/api/reports/collections?from=2026-04-01&to=2026-04-20&period=week');
    expect(weekly.statusCode, weekly.body).toBe(200);
    const r = weekly.json() as {
      byReason: ReasonRow[];
      reasonTotals: Omit<ReasonRow, 'periodStart'>[];
      totals: Record<string, number>;
    };
    const sortRows = (rows: ReasonRow[]) =>
      [...rows].sort((a, b) => `${a.periodStart}${a.reason}`.localeCompare(`${b.periodStart}${b.reason}`));
    expect(sortRows(r.byReason)).toEqual(
      sortRows([
        { periodStart: '2026-04-01', reason: 'CO-45', category: 'contractual', cents: 3_000 },
        { periodStart: '2026-04-01', reason: 'PR-1', category: 'patient_responsibility', cents: 2_000 },
        { periodStart: '2026-04-01', reason: 'OA-23', category: 'other_payer', cents: 500 },
        { periodStart: '2026-04-20', reason: 'claim_write_off', category: 'write_off', cents: deniedTotal },
        { periodStart: '2026-04-20', reason: 'small_balance_write_off', category: 'write_off', cents: 2_000 },
        { periodStart: '2026-04-20', reason: 'refund', category: 'refund', cents: 300 },
      ]),
    );
    // The reasons add up to the figures by account.
    const sum = (cat: string) => r.byReason.filter((i) => i.category === cat).reduce((s, i) => s + i.cents, 0);
    expect(r.totals).toMatchObject({
      contractualAdjustmentsCents: sum('contractual'),
      otherAdjustmentsCents: sum('other_payer'),
      writeOffsCents: sum('write_off'),
      refundsCents: sum('refund'),
    });
    expect(r.reasonTotals[0]).toEqual({ reason: 'claim_write_off', category: 'write_off', cents: deniedTotal });

    // By month: one period holds them all.
    const monthly = (await t.as(p.org, 'biller').get('/api/reports/collections?from=2026-04-01&to=2026-04-20&period=month')).json() as {
      byReason: ReasonRow[];
    };
    expect(new Set(monthly.byReason.map((i) => i.periodStart))).toEqual(new Set(['2026-04-01']));
    expect(monthly.byReason.find((i) => i.reason === 'CO-45')?.cents).toBe(3_000);

    // The CSV of the reasons: the same rows, money as dollars, then the totals.
    const csv = await t
      .as(p.org, 'biller')
      .get('/api/reports/collections?from=2026-04-01&to=2026-04-20&period=week&format=csv&view=reasons');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toContain('collections-by-reason.csv');
    const rows = csv.body.trimEnd().split('\r\n');
    expect(rows[0]).toBe('period_start,category,reason,amount');
    expect(rows).toContain('2026-04-01,contractual,CO-45,30.00');
    expect(rows).toContain('2026-04-01,patient_responsibility,PR-1,20.00');
    expect(rows).toContain('2026-04-01,other_payer,OA-23,5.00');
    expect(rows).toContain('2026-04-20,write_off,small_balance_write_off,20.00');
    expect(rows).toContain('2026-04-20,refund,refund,3.00');
    expect(rows).toContain(`2026-04-20,write_off,claim_write_off,${(deniedTotal / 100).toFixed(2)}`);
    expect(rows).toContain('total,contractual,CO-45,30.00');
    expect(rows).toHaveLength(1 + 6 + 6);
    // The period CSV stays as it was.
    const periods = await t.as(p.org, 'biller').get('/api/reports/collections?from=2026-04-01&to=2026-04-20&format=csv');
    expect(periods.body.split('\r\n')[0]).toMatch(/^period_start,insurance_payments,/);

    // Another practice sees none of it.
    const other = await billingPractice(t);
    const theirs = (await t.as(other.org, 'biller').get('/api/reports/collections?from=2026-04-01&to=2026-04-20')).json() as {
      byReason: ReasonRow[];
    };
    expect(theirs.byReason).toEqual([]);
  }, 120_000);
});
