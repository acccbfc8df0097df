/**
 * ERA 835 posting: the public samples import or are refused with their known fault; a claim is
 * paid, another denied, another partially paid, with lines, CAS, patient responsibility and the
 * denial queue; replays post nothing twice; totals balance with PLB (interest, recoupment) or the
 * file is refused (422) and nothing changes; unknown claims wait in the reconciliation queue.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { billingPractice, temporaryClaimsOutbox } from '../helpers/claim-fixtures.ts';
import { clp, era, sentClaim, X12 } from '../helpers/remittance-fixtures.ts';
import { createTestApp } from '../helpers/test-app.ts';

temporaryClaimsOutbox();
const t = await createTestApp();
const dir = path.resolve('tests/fixtures/x12/835');

const count = async (table: 'remittance_claims' | 'remittance_payments' | 'remittance_adjustments' | 'remittance_files', orgId: string) =>
  Number(
    (
      await t.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .where('organization_id', '=', orgId)
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('835 remittances', () => {
  it('imports every public sample 835 or refuses it naming its known fault and segment', async () => {
    const p = await billingPractice(t);
    const refused: Record<string, string> = {
      // ISA16 is ':' but SVC01 is written with '>' (fixtures README).
      'lfh-cob-contractural-adjustment.835': 'COMPONENT_SEPARATOR',
      'lfh-secondary-payment.835': 'COMPONENT_SEPARATOR',
    };
    for (const file of readdirSync(dir).sort()) {
      const res = await t.as(p.org, 'biller').post('/api/remittances', readFileSync(path.join(dir, file), 'utf8'), X12);
      if (refused[file]) {
        expect(res.statusCode, file).toBe(400);
        expect(res.headers['content-type']).toContain('application/problem+json');
        expect(res.json()).toMatchObject({ x12Code: refused[file], segmentNumber: expect.any(Number) });
        expect(res.json().detail).toMatch(/segment \d+/);
        continue;
      }
      expect(res.statusCode, `${file}: ${res.body}`).toBe(201);
      const body = res.json();
      // None of the samples' claims are ours: every CLP waits in the reconciliation queue.
      expect(body.claimsPosted, file).toBe(0);
      expect(body.claimsUnmatched + body.claimsAlreadyPosted, file).toBeGreaterThan(0);
    }
    // Medicare Part A balances only with its PLB (-1.27: money added to the payment).
    const partA = await t.db
      .selectFrom('remittance_provider_adjustments as a')
      .innerJoin('remittance_payments as p', 'p.id', 'a.payment_id')
      .select(['a.amount_cents', 'p.payment_cents'])
      .where('a.organization_id', '=', p.org.id)
      .where('p.payment_cents', '=', 15_000_000)
      .execute();
    expect(partA.map((r) => Number(r.amount_cents))).toEqual([-127]);
    // The NY Medicaid file of 156 identical copies: one payment, its 3 claims queued once.
    const multi = await t.as(p.org, 'biller').post('/api/remittances', readFileSync(path.join(dir, 'tp-profee-multiple.edi'), 'utf8'), X12);
    expect(multi.statusCode).toBe(201);
    expect(multi.json()).toMatchObject({ transactions: 156, claimsPosted: 0 });
    const queue = await t.as(p.org, 'biller').get('/api/remittances/unmatched?limit=200');
    const pcns = (queue.json().items as { patientControlNumber: string; traceNumber: string }[]).filter(
      (i) => i.traceNumber === multi.json().payments[0].traceNumber,
    );
    expect(pcns).toHaveLength(3);
  }, 120_000);

  it('posts a paid, a denied and a partially paid claim per line, with patient responsibility and the denial queue', async () => {
    const p = await billingPractice(t);
    const paid = await sentClaim(t, p);
    const denied = await sentClaim(t, p);
    const partial = await sentClaim(t, p);
    const [l1, l2] = paid.lines;
    if (!l1 || !l2) throw new Error('two lines expected');
    const co45 = (cents: number) => ({ group: 'CO', reasonCode: '45', amountCents: cents });
    const clps = [
      clp(paid, [
        { paidCents: l1.chargeCents - 1500 - 2000, adjustments: [co45(1500), { group: 'PR', reasonCode: '3', amountCents: 2000 }] },
        { paidCents: l2.chargeCents, adjustments: [] },
      ]),
      clp(
        denied,
        denied.lines.map((l) => ({ paidCents: 0, adjustments: [{ group: 'CO', reasonCode: '29', amountCents: l.chargeCents }] })),
        { statusCode: '4' },
      ),
      clp(partial, [
        { paidCents: l1.chargeCents, adjustments: [] },
        { paidCents: 0, adjustments: [{ group: 'CO', reasonCode: '50', amountCents: l2.chargeCents }], remarkCodes: ['N115'] },
      ]),
    ];
    const file = era(clps, { trace: `T${p.org.id.slice(0, 8)}` });
    const res = await t.as(p.org, 'biller').post('/api/remittances', file, X12);
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    const total = clps.reduce((s, c) => s + c.paidCents, 0);
    expect(body).toMatchObject({ claimsPosted: 3, claimsAlreadyPosted: 0, claimsUnmatched: 0, paymentCents: total, postedCents: total });

    // One audit row per patient posted to, in the posting's transaction.
    const audited = await t.db
      .selectFrom('audit_events')
      .select('patient_id')
      .where('organization_id', '=', p.org.id)
      .where('resource_type', '=', 'remittance')
      .where('action', '=', 'create')
      .execute();
    expect(audited.map((r) => r.patient_id).sort()).toEqual([...new Set([paid.patientId, denied.patientId, partial.patientId])].sort());
    const get = async (id: string) => (await t.as(p.org, 'biller').get(`/api/claims/${id}`)).json();
    const a = await get(paid.id);
    expect(a).toMatchObject({ status: 'paid', paidCents: clps[0]?.paidCents, patientResponsibilityCents: 2000, paidDate: '2026-04-01' });
    expect(a.adjustments).toEqual([
      { group: 'CO', reasonCode: '45', amountCents: 1500, lineNumber: 1, reasonText: 'Charge above the contracted or allowed amount' },
      { group: 'PR', reasonCode: '3', amountCents: 2000, lineNumber: 1, reasonText: 'Copay: the patient pays this fixed amount' },
    ]);
    expect(a.lineAdjudication[1]).toEqual({ lineNumber: 2, paidCents: l2.chargeCents, adjustments: [], remarkCodes: [], remarks: [] });
    expect(a.timeline.at(-1)).toMatchObject({ from: 'submitted', to: 'paid' });
    const b = await get(denied.id);
    expect(b).toMatchObject({ status: 'denied', paidCents: 0 });
    const c = await get(partial.id);
    expect(c).toMatchObject({ status: 'partially_paid', paidCents: l1.chargeCents });
    expect(c.lineAdjudication[1]).toMatchObject({ lineNumber: 2, paidCents: 0, remarkCodes: ['N115'] });

    const denials = (await t.as(p.org, 'biller').get('/api/denials')).json().items as {
      claimId: string;
      reasonCode: string;
      reasonText: string | null;
      remarkCodes: string[];
    }[];
    expect(denials.filter((d) => d.claimId === denied.id).map((d) => d.reasonCode)).toEqual(['29', '29']);
    expect(denials.find((d) => d.claimId === partial.id)).toMatchObject({
      reasonCode: '50',
      remarkCodes: ['N115'],
      reasonText: expect.any(String),
    });
    expect(denials.some((d) => d.claimId === paid.id)).toBe(false);
    const only50 = (await t.as(p.org, 'biller').get('/api/denials?reasonCode=50')).json().items as { reasonCode: string }[];
    expect(only50.map((d) => d.reasonCode)).toEqual(['50']);
    expect((await t.as(p.org, 'biller').get('/api/denials?olderThanDays=30')).json().items).toEqual([]);
    // One row a page walks the same queue, each row once; a cursor from another list or none at all is a 400.
    const walked: unknown[] = [];
    let cursor: string | null = null;
    do {
      const res = await t.as(p.org, 'biller').get(`/api/denials?limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json() as { items: unknown[]; nextCursor: string | null };
      walked.push(...body.items);
      cursor = body.nextCursor;
    } while (cursor && walked.length <= denials.length);
    expect(walked).toEqual(denials);
    const foreign = Buffer.from(JSON.stringify(['2026-01-01', 'x'])).toString('base64url');
    for (const bad of ['nope', foreign]) {
      const res = await t.as(p.org, 'biller').get(`/api/denials?cursor=${bad}`);
      expect(res.statusCode).toBe(400);
      expect(res.json().errors[0].path).toBe('cursor');
    }

    // The same file again posts nothing and says so; so does a later file repeating the payment.
    const before = await count('remittance_adjustments', p.org.id);
    const again = await t.as(p.org, 'biller').post('/api/remittances', file, X12);
    expect(again.statusCode).toBe(201);
    expect(again.json()).toMatchObject({ claimsPosted: 0, claimsAlreadyPosted: 3, postedCents: 0 });
    expect(again.json().claims.filter((x: { outcome: string }) => x.outcome === 'already_posted')).toHaveLength(3);
    const repeat = era([clps[0] as (typeof clps)[0]], { trace: `T${p.org.id.slice(0, 8)}` });
    expect((await t.as(p.org, 'biller').post('/api/remittances', repeat, X12)).json()).toMatchObject({
      claimsPosted: 0,
      claimsAlreadyPosted: 1,
    });
    expect(await count('remittance_adjustments', p.org.id)).toBe(before);
    expect(await count('remittance_claims', p.org.id)).toBe(3);
    expect((await get(paid.id)).paidCents).toBe(clps[0]?.paidCents);

    // The list and the summary read back.
    const list = (await t.as(p.org, 'biller').get('/api/remittances')).json();
    expect(list.items).toHaveLength(3);
    const summary = (await t.as(p.org, 'biller').get(`/api/remittances/${body.id}`)).json();
    expect(summary.claims.filter((x: { outcome: string }) => x.outcome === 'posted')).toHaveLength(3);
  }, 180_000);

  it('balances BPR02 with PLB interest and recoupment, and refuses an unbalanced file (422) changing nothing', async () => {
    const p = await billingPractice(t);
    const c = await sentClaim(t, p);
    const claim = clp(c, []);
    const plb = [
      { reasonCode: 'L6', amountCents: -125 },
      { reasonCode: 'WO', amountCents: 3000, reference: 'OVERPAY1' },
    ];
    const unbalanced = era([claim], { trace: 'UNBAL1', plb, paymentCents: claim.paidCents });
    const bad = await t.as(p.org, 'biller').post('/api/remittances', unbalanced, X12);
    expect(bad.statusCode).toBe(422);
    expect(bad.json().detail).toMatch(/UNBAL1.*does not balance/);
    expect(await count('remittance_files', p.org.id)).toBe(0);
    expect(await count('remittance_payments', p.org.id)).toBe(0);

    const ok = await t.as(p.org, 'biller').post('/api/remittances', era([claim], { trace: 'BAL1', plb }), X12);
    expect(ok.statusCode, ok.body).toBe(201);
    const body = ok.json();
    expect(body.paymentCents).toBe(claim.paidCents + 125 - 3000);
    expect(body.paymentCents).toBe(
      body.postedCents - body.payments[0].providerAdjustments.reduce((s: number, a: { amountCents: number }) => s + a.amountCents, 0),
    );
    expect(body.payments[0].providerAdjustments).toEqual([
      { reasonCode: 'L6', reference: null, amountCents: -125 },
      { reasonCode: 'WO', reference: 'OVERPAY1', amountCents: 3000 },
    ]);
  }, 120_000);

  it('posts a reversal (CLP02 22) and its correction as entries; the correction decides the state', async () => {
    const p = await billingPractice(t);
    const c = await sentClaim(t, p);
    const first = clp(c, []);
    expect((await t.as(p.org, 'biller').post('/api/remittances', era([first], { trace: 'REV-1' }), X12)).json()).toMatchObject({
      claimsPosted: 1,
    });
    const [l1, l2] = c.lines;
    if (!l1 || !l2) throw new Error('two lines expected');
    const reversal = clp(c, [], { statusCode: '22', sign: -1 });
    const correction = clp(c, [
      { paidCents: l1.chargeCents, adjustments: [] },
      { paidCents: 0, adjustments: [{ group: 'CO', reasonCode: '97', amountCents: l2.chargeCents }] },
    ]);
    const res = await t.as(p.org, 'biller').post('/api/remittances', era([reversal, correction], { trace: 'REV-2' }), X12);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ claimsPosted: 2, paymentCents: correction.paidCents - first.paidCents });
    const claim = (await t.as(p.org, 'biller').get(`/api/claims/${c.id}`)).json();
    expect(claim).toMatchObject({ status: 'partially_paid', paidCents: l1.chargeCents });
    expect(claim.timeline.slice(-2).map((e: { to: string }) => e.to)).toEqual(['paid', 'partially_paid']);
  }, 120_000);

  it('refuses garbage with 400 naming the segment, and an 835 that is not one', async () => {
    const p = await billingPractice(t);
    const garbage = await t.as(p.org, 'biller').post('/api/remittances', 'hello, this is not X12', X12);
    expect(garbage.statusCode).toBe(400);
    expect(garbage.json()).toMatchObject({ errors: [{ path: 'body' }], segmentNumber: expect.any(Number) });
    const ack = readFileSync('tests/fixtures/x12/999/ims-x12_999_rejected.txt', 'utf8');
    const wrong = await t.as(p.org, 'biller').post('/api/remittances', ack, X12);
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json()).toMatchObject({ x12Code: 'WRONG_TRANSACTION', segmentNumber: 3 });
    const json = await t.as(p.org, 'biller').post('/api/remittances', { x12: 'ISA' });
    expect(json.statusCode).toBe(415);
  });

  it('queues an unknown claim for reconciliation, then posts it when matched (or dismisses with a reason)', async () => {
    const p = await billingPractice(t);
    const c = await sentClaim(t, p);
    const stray = { ...clp(c, []), patientControlNumber: 'ZZ999' };
    const other = { ...clp(c, []), patientControlNumber: 'ZZ998' };
    const res = await t.as(p.org, 'biller').post('/api/remittances', era([stray, other], { trace: 'RECON1' }), X12);
    expect(res.json()).toMatchObject({ claimsPosted: 0, claimsUnmatched: 2 });
    const queue = (await t.as(p.org, 'biller').get('/api/remittances/unmatched')).json();
    expect(queue.items.map((i: { patientControlNumber: string }) => i.patientControlNumber).sort()).toEqual(['ZZ998', 'ZZ999']);
    const entry = queue.items.find((i: { patientControlNumber: string }) => i.patientControlNumber === 'ZZ999');
    expect(entry.reason).toMatch(/no claim has patient control number ZZ999/);
    const matched = await t.as(p.org, 'biller').post(`/api/remittances/unmatched/${entry.id}/resolve`, { action: 'match', claimId: c.id });
    expect(matched.statusCode, matched.body).toBe(200);
    expect(matched.json()).toMatchObject({ status: 'matched', claimId: c.id });
    expect((await t.as(p.org, 'biller').get(`/api/claims/${c.id}`)).json()).toMatchObject({ status: 'paid', paidCents: stray.paidCents });
    // The books take the matched claim's cash only (the other queued claim has posted nothing yet).
    const tb = (await t.as(p.org, 'biller').get('/api/ledger/trial-balance')).json() as {
      items: { account: string; debitCents: number; creditCents: number }[];
    };
    const bank = tb.items.find((i) => i.account === '1020');
    expect((bank?.debitCents ?? 0) - (bank?.creditCents ?? 0)).toBe(stray.paidCents);
    const twice = await t.as(p.org, 'biller').post(`/api/remittances/unmatched/${entry.id}/resolve`, { action: 'match', claimId: c.id });
    expect(twice.statusCode).toBe(409);
    const second = queue.items.find((i: { patientControlNumber: string }) => i.patientControlNumber === 'ZZ998');
    const noReason = await t.as(p.org, 'biller').post(`/api/remittances/unmatched/${second.id}/resolve`, { action: 'dismiss' });
    expect(noReason.statusCode).toBe(400);
    const dismissed = await t
      .as(p.org, 'biller')
      .post(`/api/remittances/unmatched/${second.id}/resolve`, { action: 'dismiss', reason: 'not our patient' });
    expect(dismissed.json()).toMatchObject({ status: 'dismissed', resolution: 'not our patient' });
    expect((await t.as(p.org, 'biller').get('/api/remittances/unmatched')).json().items).toEqual([]);
  }, 120_000);

  it('forbids front desk and clinicians, and hides another organization’s remittance (404)', async () => {
    const p = await billingPractice(t);
    const c = await sentClaim(t, p);
    const res = await t.as(p.org, 'biller').post('/api/remittances', era([clp(c, [])], { trace: 'ACCESS1' }), X12);
    const id = res.json().id;
    for (const role of ['front_desk', 'clinician'] as const) {
      expect((await t.as(p.org, role).post('/api/remittances', 'ISA', X12)).statusCode).toBe(403);
      expect((await t.as(p.org, role).get('/api/remittances')).statusCode).toBe(403);
      expect((await t.as(p.org, role).get(`/api/remittances/${id}`)).statusCode).toBe(403);
      expect((await t.as(p.org, role).get('/api/remittances/unmatched')).statusCode).toBe(403);
      expect((await t.as(p.org, role).get('/api/denials')).statusCode).toBe(403);
      expect((await t.as(p.org, role).post('/api/acknowledgements', 'ISA', X12)).statusCode).toBe(403);
    }
    const other = await t.newOrg();
    expect((await t.as(other, 'biller').get(`/api/remittances/${id}`)).statusCode).toBe(404);
    expect((await t.as(other, 'biller').get('/api/remittances')).json().items).toEqual([]);
  }, 120_000);
});
