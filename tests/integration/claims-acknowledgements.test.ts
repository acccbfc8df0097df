/**
 * Acknowledgements: the public 999 and 277CA samples import or are refused with their known fault;
 * a claim goes submitted → 999 accepted (acknowledged) → 277CA accepted (payer_accepted) → 835 paid;
 * rejections carry their reason to the timeline and the claims list; the same file twice changes nothing.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createClaimBatch } from '@domain/claims/index.ts';
import { billingPractice, readyClaim, temporaryClaimsOutbox } from '../helpers/claim-fixtures.ts';
import { ack277, ack999, clp, era, type SentClaim, sentClaim, X12 } from '../helpers/remittance-fixtures.ts';
import { createTestApp } from '../helpers/test-app.ts';

temporaryClaimsOutbox();
const t = await createTestApp();

async function batchNumbers(c: Pick<SentClaim, 'batchId'>) {
  const b = await t.db
    .selectFrom('claim_batches')
    .select(['group_control_number', 'transaction_control_number'])
    .where('id', '=', c.batchId)
    .executeTakeFirstOrThrow();
  return { groupControlNumber: Number(b.group_control_number), transactionControlNumber: Number(b.transaction_control_number) };
}

describe('999 and 277CA acknowledgements', () => {
  it('imports each public sample or refuses it naming its known fault', async () => {
    const p = await billingPractice(t);
    const refused: Record<string, string> = { 'ims-x12_999_accepted.txt': 'IEA_CONTROL' };
    for (const sub of ['999', '277ca']) {
      const dir = path.resolve('tests/fixtures/x12', sub);
      for (const file of readdirSync(dir)) {
        const res = await t.as(p.org, 'biller').post('/api/acknowledgements', readFileSync(path.join(dir, file), 'utf8'), X12);
        if (refused[file]) {
          expect(res.statusCode, file).toBe(400);
          expect(res.json()).toMatchObject({ x12Code: refused[file], segmentNumber: expect.any(Number) });
          continue;
        }
        expect(res.statusCode, `${file} ${res.body}`).toBe(201);
        // Their batches and claims are not ours.
        expect(res.json()).toMatchObject({ claimsAccepted: 0, claimsRejected: 0, claimsUnmatched: 1, alreadyImported: false });
      }
    }
  }, 60_000);

  it('takes a claim from submitted through 999 and 277CA acceptance to paid', async () => {
    const p = await billingPractice(t);
    const c = await sentClaim(t, p);
    const file999 = ack999([{ ...(await batchNumbers(c)), accepted: true }]);
    const a = await t.as(p.org, 'biller').post('/api/acknowledgements', file999, X12);
    expect(a.statusCode, a.body).toBe(201);
    expect(a.json()).toMatchObject({ kind: '999', claimsAccepted: 1, claimsRejected: 0, claimsUnmatched: 0 });
    const again = await t.as(p.org, 'biller').post('/api/acknowledgements', file999, X12);
    expect(again.json()).toMatchObject({ id: a.json().id, alreadyImported: true });
    const ca = await t
      .as(p.org, 'biller')
      .post('/api/acknowledgements', ack277([{ patientControlNumber: c.patientControlNumber, status: ['A1', '20'] }]), X12);
    expect(ca.json()).toMatchObject({ kind: '277CA', claimsAccepted: 1 });
    const paid = await t.as(p.org, 'biller').post('/api/remittances', era([clp(c, [])], { trace: 'LIFE1' }), X12);
    expect(paid.json()).toMatchObject({ claimsPosted: 1 });
    const claim = (await t.as(p.org, 'biller').get(`/api/claims/${c.id}`)).json();
    expect(claim.timeline.slice(-3).map((e: { to: string }) => e.to)).toEqual(['acknowledged', 'payer_accepted', 'paid']);
    // A late 277CA for a paid claim changes nothing and says so.
    const late = await t
      .as(p.org, 'biller')
      .post('/api/acknowledgements', ack277([{ patientControlNumber: c.patientControlNumber, status: ['A7', '562', '85'] }]), X12);
    expect(late.json().results[0]).toMatchObject({ outcome: 'unchanged' });
    expect((await t.as(p.org, 'biller').get(`/api/claims/${c.id}`)).json().status).toBe('paid');
  }, 120_000);

  it('puts 999 and 277CA rejections on the work queue with their reason', async () => {
    const p = await billingPractice(t);
    const r999 = await sentClaim(t, p);
    const r277 = await sentClaim(t, p);
    const a = await t.as(p.org, 'biller').post('/api/acknowledgements', ack999([{ ...(await batchNumbers(r999)), accepted: false }]), X12);
    expect(a.json()).toMatchObject({ claimsRejected: 1 });
    const b = await t
      .as(p.org, 'biller')
      .post('/api/acknowledgements', ack277([{ patientControlNumber: r277.patientControlNumber, status: ['A7', '562', '85'] }]), X12);
    expect(b.json()).toMatchObject({ claimsRejected: 1 });
    const rejected = (await t.as(p.org, 'biller').get('/api/claims?status=rejected')).json().items;
    expect(rejected).toEqual([
      expect.objectContaining({ id: r999.id, statusReason: expect.stringMatching(/999 rejected.*NM1 \(segment 17\) error 8/) }),
    ]);
    const payerRejected = (await t.as(p.org, 'biller').get('/api/claims?status=payer_rejected')).json().items;
    expect(payerRejected).toEqual([expect.objectContaining({ id: r277.id, statusReason: expect.stringMatching(/rejected A7:562:85/) })]);
  }, 120_000);

  it('answers each transaction set of a two-set batch for its own claims only', async () => {
    const p = await billingPractice(t);
    const ready = [await readyClaim(t, p), await readyClaim(t, p), await readyClaim(t, p)];
    // Two claims per set stands in for 5,000: the batch is one interchange of two sets (ST02 n and n + 1).
    const batch = await createClaimBatch(p.org.ctx, { claimIds: ready.map((c) => c.id) }, { claimsPerTransaction: 2 });
    const sets = [...batch.x12.matchAll(/~ST\*837\*(\d+)\*/g)].map((m) => Number(m[1]));
    const clm = (setText: string) => [...setText.matchAll(/~CLM\*([^*]+)\*/g)].map((m) => m[1]);
    const [, first, second] = batch.x12.split(/~ST\*837\*/);
    const numbers = await batchNumbers({ batchId: batch.id });
    expect(sets).toEqual([numbers.transactionControlNumber, numbers.transactionControlNumber + 1]);
    const inFirst = clm(first ?? '');
    const inSecond = clm(second ?? '');
    expect(inFirst).toHaveLength(2);
    expect(inSecond).toHaveLength(1);
    const byPcn = new Map(ready.map((c) => [c.patientControlNumber, c.id]));

    const rejectSecond = await t
      .as(p.org, 'biller')
      .post(
        '/api/acknowledgements',
        ack999([{ ...numbers, transactionControlNumber: numbers.transactionControlNumber + 1, accepted: false }]),
        X12,
      );
    expect(rejectSecond.statusCode, rejectSecond.body).toBe(201);
    expect(rejectSecond.json()).toMatchObject({ claimsAccepted: 0, claimsRejected: 1, claimsUnmatched: 0 });
    expect(rejectSecond.json().results).toEqual([expect.objectContaining({ claimId: byPcn.get(inSecond[0] ?? ''), outcome: 'rejected' })]);
    const status = async (pcn: string | undefined) =>
      (await t.as(p.org, 'biller').get(`/api/claims/${byPcn.get(pcn ?? '')}`)).json().status;
    expect(await status(inSecond[0])).toBe('rejected');
    for (const pcn of inFirst) expect(await status(pcn)).toBe('submitted');

    const acceptFirst = await t.as(p.org, 'biller').post('/api/acknowledgements', ack999([{ ...numbers, accepted: true }]), X12);
    expect(acceptFirst.json()).toMatchObject({ claimsAccepted: 2, claimsRejected: 0, claimsUnmatched: 0 });
    for (const pcn of inFirst) expect(await status(pcn)).toBe('acknowledged');
    expect(await status(inSecond[0])).toBe('rejected');

    // The claims list finds a claim by its number, in any case (the reconciliation page matches this way).
    const byNumber = await t.as(p.org, 'biller').get(`/api/claims?patientControlNumber=${(inSecond[0] ?? '').toLowerCase()}`);
    expect(byNumber.json().items.map((c: { id: string }) => c.id)).toEqual([byPcn.get(inSecond[0] ?? '')]);

    // A set number past the batch's last is not ours.
    const beyond = await t
      .as(p.org, 'biller')
      .post(
        '/api/acknowledgements',
        ack999([{ ...numbers, transactionControlNumber: numbers.transactionControlNumber + 2, accepted: true }]),
        X12,
      );
    expect(beyond.json()).toMatchObject({ claimsAccepted: 0, claimsRejected: 0, claimsUnmatched: 1 });
  }, 120_000);

  it('refuses garbage with 400 naming the segment and forbids front desk', async () => {
    const p = await billingPractice(t);
    const res = await t.as(p.org, 'biller').post('/api/acknowledgements', 'ISA*00*garbage~', X12);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ errors: [{ path: 'body' }], segmentNumber: expect.any(Number) });
    const e835 = await t
      .as(p.org, 'biller')
      .post('/api/acknowledgements', readFileSync('tests/fixtures/x12/835/tp-profee.edi', 'utf8'), X12);
    expect(e835.statusCode).toBe(400);
    expect(e835.json().detail).toMatch(/not a 999 or 277CA/);
    expect((await t.as(p.org, 'front_desk').post('/api/acknowledgements', 'ISA', X12)).statusCode).toBe(403);
  });
});
