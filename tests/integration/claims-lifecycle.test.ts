/**
 * A claim's life through the API: a signed visit's approved charges become a draft claim (what
 * it bills snapshotted), the scrubber makes it ready, a batch submits it and the 837P download
 * parses with our reader AND node-x12 (CLM01 the patient control number, CLM02 the sum of the
 * lines, SE01 right). 409s: a second claim for the encounter and coverage, no approved charges,
 * batching a draft, scrubbing a submitted claim, overriding an error. The outbox file.
 */
import fs from 'node:fs';
import { parse837P } from '@x12/index.ts';
import { sql } from 'kysely';
import { X12Parser } from 'node-x12';
import { describe, expect, it } from 'vitest';
import {
  BILLING_NPI,
  billablePatient,
  billingPractice,
  readyClaim,
  signedVisit,
  temporaryClaimsOutbox,
} from '../helpers/claim-fixtures.ts';
import { createTestApp } from '../helpers/test-app.ts';
import { newPatient } from '../helpers/scheduling-factories.ts';

const outbox = temporaryClaimsOutbox();
const t = await createTestApp();

type Claim = {
  id: string;
  status: string;
  patientControlNumber: string;
  coverageId: string;
  payerId: string;
  totalChargeCents: number;
  diagnoses: string[];
  lines: { procedureCode: string; modifiers: string[]; units: number; chargeCents: number; diagnosisPointers: number[] }[];
  billingProvider: { npi: string; tin: string };
  subscriber: { memberId: string };
  timeline: { from: string | null; to: string; reason: string; userId: string | null }[];
  scrub: { errors: unknown[]; warnings: unknown[] } | null;
  paidCents: number;
  patientResponsibilityCents: number;
  adjustments: unknown[];
  batchId: string | null;
};

describe('a claim from a signed visit to an 837P batch', () => {
  it('builds, scrubs, batches and downloads a claim that two X12 readers agree on', async () => {
    const p = await billingPractice(t);
    const { patientId, coverageId } = await billablePatient(t, p);
    const { encounterId } = await signedVisit(t, p.org, patientId, [
      { code: '99213', modifiers: ['25'], diagnosisPointers: [1, 2] },
      { code: '96372', units: 2, diagnosisPointers: [2] },
    ]);
    const created = await t.as(p.org, 'biller').post('/api/claims', { encounterId });
    expect(created.statusCode, created.body).toBe(201);
    const claim = created.json() as Claim;
    expect(claim).toMatchObject({
      status: 'draft',
      coverageId,
      payerId: p.payerId,
      diagnoses: ['I10', 'E11.9'],
      billingProvider: { npi: BILLING_NPI, tin: '840123456' },
      paidCents: 0,
      patientResponsibilityCents: 0,
      adjustments: [],
      scrub: null,
    });
    expect(claim.patientControlNumber).toMatch(/^[A-Z0-9]{1,20}$/);
    expect(claim.lines.map((l) => [l.procedureCode, l.modifiers, l.units])).toEqual([
      ['99213', ['25'], 1],
      ['96372', [], 2],
    ]);
    expect(claim.totalChargeCents).toBe(claim.lines.reduce((s, l) => s + l.chargeCents, 0));
    expect(claim.totalChargeCents).toBeGreaterThan(0);

    // A second claim for the same encounter and coverage: 409, nothing added.
    const again = await t.as(p.org, 'biller').post('/api/claims', { encounterId, coverageId });
    expect(again.statusCode, again.body).toBe(409);
    const count = await t.db
      .selectFrom('claims')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('encounter_id', '=', encounterId)
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(1);

    // Batching a draft: 409 naming it, nothing changes.
    const early = await t.as(p.org, 'biller').post('/api/claim-batches', { claimIds: [claim.id] });
    expect(early.statusCode, early.body).toBe(409);
    expect(early.json().detail).toContain(claim.patientControlNumber);
    expect(await t.db.selectFrom('claim_batches').select('id').where('organization_id', '=', p.org.id).execute()).toEqual([]);

    const scrub = await t.as(p.org, 'biller').post(`/api/claims/${claim.id}/scrub`);
    expect(scrub.statusCode, scrub.body).toBe(200);
    expect(scrub.json()).toEqual({ errors: [], warnings: [] });

    const batchRes = await t.as(p.org, 'biller').post('/api/claim-batches', { claimIds: [claim.id] });
    expect(batchRes.statusCode, batchRes.body).toBe(201);
    const batch = batchRes.json() as {
      id: string;
      claimCount: number;
      totalChargeCents: number;
      interchangeControlNumber: number;
      outboxPath: string | null;
      outboxError: string | null;
      sha256: string;
    };
    expect(batch).toMatchObject({ claimCount: 1, totalChargeCents: claim.totalChargeCents, outboxError: null });

    const download = await t.as(p.org, 'biller').get(`/api/claim-batches/${batch.id}/837`);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toContain('application/edi-x12');
    const text = download.body;
    // The outbox holds the same bytes.
    expect(batch.outboxPath?.startsWith(outbox)).toBe(true);
    expect(fs.readFileSync(batch.outboxPath as string, 'utf8')).toBe(text);

    // Our reader.
    const parsed = parse837P(text);
    expect(parsed.envelope.interchangeControlNumber).toBe(batch.interchangeControlNumber);
    expect(parsed.envelope.usageIndicator).toBe('T');
    const [c837] = parsed.batch.claims;
    expect(c837?.patientControlNumber).toBe(claim.patientControlNumber);
    expect(c837?.totalChargeCents).toBe(claim.totalChargeCents);
    expect(c837?.lines.map((l) => l.procedureCode)).toEqual(['99213', '96372']);
    expect(parsed.batch.billingProvider.npi).toBe(BILLING_NPI);

    // node-x12, independently: CLM01, CLM02 and SE01.
    const ic = new X12Parser(true).parse(text) as unknown as {
      functionalGroups: {
        transactions: { trailer: { elements: { value: string }[] }; segments: { tag: string; elements: { value: string }[] }[] }[];
      }[];
    };
    const [tx] = ic.functionalGroups.flatMap((g) => g.transactions);
    expect(tx).toBeDefined();
    const clm = tx?.segments.find((s) => s.tag === 'CLM');
    expect(clm?.elements[0]?.value).toBe(claim.patientControlNumber);
    expect(Math.round(Number(clm?.elements[1]?.value) * 100)).toBe(claim.totalChargeCents);
    expect(Number(tx?.trailer.elements[0]?.value)).toBe((tx?.segments.length ?? 0) + 2);

    // The claim is submitted, with its timeline.
    const got = await t.as(p.org, 'biller').get(`/api/claims/${claim.id}`);
    expect(got.statusCode).toBe(200);
    const after = got.json() as Claim;
    expect(after.status).toBe('submitted');
    expect(after.batchId).toBe(batch.id);
    expect(after.timeline.map((e) => [e.from, e.to])).toEqual([
      [null, 'draft'],
      ['draft', 'ready'],
      ['ready', 'submitted'],
    ]);
    expect(after.timeline.every((e) => e.userId === p.org.users.biller.id && e.reason.length > 0)).toBe(true);

    // Illegal transitions: a submitted claim is not scrubbed again, nor batched twice.
    const rescrub = await t.as(p.org, 'biller').post(`/api/claims/${claim.id}/scrub`);
    expect(rescrub.statusCode).toBe(409);
    expect(rescrub.json().code).toBe('ILLEGAL_TRANSITION');
    const twice = await t.as(p.org, 'biller').post('/api/claim-batches', { claimIds: [claim.id] });
    expect(twice.statusCode).toBe(409);

    // Listed by state.
    const list = await t.as(p.org, 'biller').get('/api/claims?status=submitted');
    expect((list.json() as { items: { id: string }[] }).items.map((i) => i.id)).toEqual([claim.id]);
    const none = await t.as(p.org, 'biller').get('/api/claims?status=draft');
    expect((none.json() as { items: unknown[] }).items).toEqual([]);

    // The timeline is append-only for the app role.
    await expect(
      t.db.updateTable('claim_events').set({ reason: 'rewritten' }).where('claim_id', '=', claim.id).execute(),
    ).rejects.toThrow();
  });

  it('answers 409 naming every charge not yet approved (a claim bills every line not voided), and offers only claimable encounters', async () => {
    const p = await billingPractice(t);
    const biller = t.as(p.org, 'biller');
    const { patientId } = await billablePatient(t, p);
    const { encounterId, chargeIds } = await signedVisit(t, p.org, patientId, undefined, { approve: false });
    const [visitCharge, drawCharge] = chargeIds as [string, string];
    const candidateIds = async () =>
      ((await biller.get('/api/claims/candidates')).json() as { items: { encounterId: string }[] }).items.map((c) => c.encounterId);
    const approve = async (id: string) => {
      const res = await biller.post(`/api/charges/${id}/approve`, undefined, { 'if-match': '"1"' });
      expect(res.statusCode, res.body).toBe(200);
    };
    let res = await biller.post('/api/claims', { encounterId });
    expect(res.statusCode, res.body).toBe(409);
    expect(res.json().detail).toMatch(
      /2 of the encounter's charges are not approved yet \(line 1 99213: in review; line 2 36415: in review\)/,
    );
    expect(res.json().errors).toEqual(
      [visitCharge, drawCharge].map((id) => ({ path: 'encounterId', message: expect.stringContaining(`Charge ${id}`) })),
    );
    expect(await candidateIds()).toEqual([]);
    // One line approved, the other still in review: still refused (it used to bill the approved line alone), still no candidate.
    await approve(visitCharge);
    res = await biller.post('/api/claims', { encounterId });
    expect(res.statusCode, res.body).toBe(409);
    expect(res.json().errors).toEqual([
      { path: 'encounterId', message: expect.stringContaining(`Charge ${drawCharge} (line 2, 36415) is in review`) },
    ]);
    expect(await candidateIds()).toEqual([]);
    await approve(drawCharge);
    expect(await candidateIds()).toEqual([encounterId]);
    res = await biller.post('/api/claims', { encounterId });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().lines).toHaveLength(2);
    expect(await candidateIds()).toEqual([]);
  });

  it('bills the approved lines when the others are void, and all void answers 409', async () => {
    const p = await billingPractice(t);
    const biller = t.as(p.org, 'biller');
    const { patientId } = await billablePatient(t, p);
    const { encounterId, chargeIds } = await signedVisit(t, p.org, patientId, undefined, { approve: false });
    const [visitCharge, drawCharge] = chargeIds as [string, string];
    expect(
      (await biller.post(`/api/charges/${drawCharge}/void`, { reason: 'Drawn at the outside lab' }, { 'if-match': '"1"' })).statusCode,
    ).toBe(200);
    expect((await biller.post(`/api/charges/${visitCharge}/approve`, undefined, { 'if-match': '"1"' })).statusCode).toBe(200);
    const res = await biller.post('/api/claims', { encounterId });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().lines.map((l: { procedureCode: string }) => l.procedureCode)).toEqual(['99213']);
    const other = await billablePatient(t, p);
    const voided = await signedVisit(t, p.org, other.patientId, [{ code: '99213', diagnosisPointers: [1] }], { approve: false });
    expect((await biller.post(`/api/charges/${voided.chargeIds[0]}/void`, { reason: 'Not seen' }, { 'if-match': '"1"' })).statusCode).toBe(
      200,
    );
    const none = await biller.post('/api/claims', { encounterId: voided.encounterId });
    expect(none.statusCode).toBe(409);
    expect(none.json().detail).toMatch(/all are void/);
  });

  it('does not offer self-pay visits or visits outside the coverage as candidates (the claim would refuse them)', async () => {
    const p = await billingPractice(t);
    const biller = t.as(p.org, 'biller');
    const insured = await billablePatient(t, p);
    const billable = await signedVisit(t, p.org, insured.patientId);
    // No coverage at all: self-pay.
    const selfPay = await newPatient(t.db, p.org);
    const cash = await signedVisit(t, p.org, selfPay);
    // Covered from April: the March visit is outside it.
    const later = await billablePatient(t, p, { effectiveDate: '2026-04-01' });
    const early = await signedVisit(t, p.org, later.patientId);
    const items = ((await biller.get('/api/claims/candidates')).json() as { items: { encounterId: string }[] }).items;
    expect(items.map((c) => c.encounterId)).toEqual([billable.encounterId]);
    for (const encounterId of [cash.encounterId, early.encounterId]) {
      const res = await biller.post('/api/claims', { encounterId });
      expect(res.statusCode, res.body).toBe(409);
      expect(res.json().errors).toEqual([{ path: 'coverageId', message: expect.stringMatching(/No primary coverage in force/) }]);
    }
  });

  it('keeps a claim with an error in draft, overrides warnings with a reason (never errors), and sends a failing ready claim back', async () => {
    const p = await billingPractice(t);
    const first = await readyClaim(t, p);
    // A second visit of the same patient on the same date with the same procedures: a duplicate warning.
    const again = await signedVisit(t, p.org, first.patientId);
    const second = await t.as(p.org, 'biller').post('/api/claims', { encounterId: again.encounterId });
    expect(second.statusCode, second.body).toBe(201);
    const id = second.json().id as string;
    let scrub = await t.as(p.org, 'biller').post(`/api/claims/${id}/scrub`);
    expect(scrub.json()).toEqual({
      errors: [],
      warnings: [{ rule: 'DUPLICATE_CLAIM', field: 'lines', message: expect.stringContaining(first.patientControlNumber) }],
    });
    expect((await t.as(p.org, 'biller').get(`/api/claims/${id}`)).json().status).toBe('draft');
    // An error rule cannot be overridden; an unknown one is bad input.
    const err = await t.as(p.org, 'biller').post(`/api/claims/${id}/overrides`, { rule: 'TIN_FORMAT', reason: 'no' });
    expect(err.statusCode).toBe(409);
    const unknown = await t.as(p.org, 'biller').post(`/api/claims/${id}/overrides`, { rule: 'NO_SUCH_RULE', reason: 'no' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0].path).toBe('rule');
    const ov = await t.as(p.org, 'biller').post(`/api/claims/${id}/overrides`, { rule: 'DUPLICATE_CLAIM', reason: 'Seen twice that day' });
    expect(ov.statusCode, ov.body).toBe(201);
    const audited = await t.db
      .selectFrom('audit_events')
      .select(['patient_id', 'details'])
      .where('organization_id', '=', p.org.id)
      .where('resource_type', '=', 'claim_override')
      .execute();
    expect(audited).toEqual([
      { patient_id: first.patientId, details: { claimId: id, rule: 'DUPLICATE_CLAIM', reason: 'Seen twice that day' } },
    ]);
    scrub = await t.as(p.org, 'biller').post(`/api/claims/${id}/scrub`);
    expect(scrub.json().warnings).toEqual([expect.objectContaining({ rule: 'DUPLICATE_CLAIM', overridden: true })]);
    expect((await t.as(p.org, 'biller').get(`/api/claims/${id}`)).json().status).toBe('ready');

    // The first claim is ready; a mistyped TIN (5 digits) in what it bills: the next scrub sends it back to draft.
    await t.db
      .updateTable('claim_snapshots')
      .set({ snapshot: sql<string>`jsonb_set(snapshot, '{billingProvider,tin}', '"84012"')` })
      .where('claim_id', '=', first.id)
      .execute();
    const back = await t.as(p.org, 'biller').post(`/api/claims/${first.id}/scrub`);
    expect(back.json().errors).toEqual([expect.objectContaining({ rule: 'TIN_FORMAT', field: 'billingProvider.tin' })]);
    const reread = (await t.as(p.org, 'biller').get(`/api/claims/${first.id}`)).json() as Claim;
    expect(reread.status).toBe('draft');
    expect(reread.timeline.at(-1)).toMatchObject({ from: 'ready', to: 'draft' });
  });
});
