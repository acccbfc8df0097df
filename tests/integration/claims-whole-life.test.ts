/**
 * A claim's whole life through the API, encounter to paid, with the books following each step:
 * a signed visit's charges approved (revenue owed by the patient), the claim built, scrubbed and
 * batched (the balance moves to the payer), the 999 and the 277CA accept it, the 835 pays it with
 * a contractual write-down and a deductible (the deductible moves back to the patient), the
 * patient pays that, and the account is settled; the trial balance nets to zero at every step.
 */
import { describe, expect, it } from 'vitest';
import { billingPractice, readyClaim, temporaryClaimsOutbox } from '../helpers/claim-fixtures.ts';
import { ack277, ack999, clp, era, X12 } from '../helpers/remittance-fixtures.ts';
import { createTestApp } from '../helpers/test-app.ts';

temporaryClaimsOutbox();
const t = await createTestApp();
const p = await billingPractice(t);
const org = p.org;

type Account = { patientBalanceCents: number; insuranceBalanceCents: number };
type TrialBalance = {
  items: { account: string; debitCents: number; creditCents: number }[];
  totalDebitCents: number;
  totalCreditCents: number;
};

async function account(patientId: string): Promise<Account> {
  const res = await t.as(org, 'front_desk').get(`/api/patients/${patientId}/account`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Account;
}

async function books(): Promise<Map<string, number>> {
  const res = await t.as(org, 'biller').get('/api/ledger/trial-balance');
  expect(res.statusCode, res.body).toBe(200);
  const tb = res.json() as TrialBalance;
  expect(tb.totalDebitCents).toBe(tb.totalCreditCents);
  return new Map(tb.items.map((i) => [i.account, i.debitCents - i.creditCents]));
}

async function claimStatus(id: string) {
  return ((await t.as(org, 'biller').get(`/api/claims/${id}`)).json() as { status: string }).status;
}

describe("a claim's whole life", () => {
  it('visit → charges → claim → batch → 999 → 277CA → 835 paid → patient pays the deductible → settled books', async () => {
    // The visit, signed and its charges approved: the patient owes the whole visit for now.
    const c = await readyClaim(t, p);
    const total = c.totalChargeCents;
    expect(total).toBeGreaterThan(0);
    expect(await account(c.patientId)).toMatchObject({ patientBalanceCents: total, insuranceBalanceCents: 0 });

    // Batched: the balance moves to the payer.
    const batch = await t.as(org, 'biller').post('/api/claim-batches', { claimIds: [c.id] });
    expect(batch.statusCode, batch.body).toBe(201);
    const batchId = (batch.json() as { id: string }).id;
    expect(await claimStatus(c.id)).toBe('submitted');
    expect(await account(c.patientId)).toMatchObject({ patientBalanceCents: 0, insuranceBalanceCents: total });
    const x12 = await t.as(org, 'biller').get(`/api/claim-batches/${batchId}/837`);
    expect(x12.statusCode).toBe(200);
    expect(x12.body).toContain(`CLM*${c.patientControlNumber}*`);

    // The clearinghouse's 999 and the payer's 277CA accept it.
    const numbers = await t.db
      .selectFrom('claim_batches')
      .select(['group_control_number', 'transaction_control_number'])
      .where('id', '=', batchId)
      .executeTakeFirstOrThrow();
    const accepted = await t.as(org, 'biller').post(
      '/api/acknowledgements',
      ack999([
        {
          groupControlNumber: Number(numbers.group_control_number),
          transactionControlNumber: Number(numbers.transaction_control_number),
          accepted: true,
        },
      ]),
      X12,
    );
    expect(accepted.statusCode, accepted.body).toBe(201);
    expect(await claimStatus(c.id)).toBe('acknowledged');
    const payerAccepted = await t
      .as(org, 'biller')
      .post('/api/acknowledgements', ack277([{ patientControlNumber: c.patientControlNumber, status: ['A1', '20'] }]), X12);
    expect(payerAccepted.statusCode, payerAccepted.body).toBe(201);
    expect(await claimStatus(c.id)).toBe('payer_accepted');

    // The 835: line 1 paid less a contractual write-down (CO-45) and a deductible (PR-1); line 2 paid in full.
    const sent = (await t.as(org, 'biller').get(`/api/claims/${c.id}`)).json() as {
      id: string;
      patientControlNumber: string;
      totalChargeCents: number;
      lines: { lineNumber: number; procedureCode: string; modifiers: string[]; units: number; chargeCents: number }[];
    };
    const [l1, l2] = sent.lines;
    if (!l1 || !l2) throw new Error('two lines expected');
    const co = Math.round(l1.chargeCents * 0.3);
    const deductible = 2_000;
    const paid1 = l1.chargeCents - co - deductible;
    expect(paid1).toBeGreaterThan(0);
    const file = era(
      [
        clp({ ...sent, patientId: c.patientId, batchId }, [
          {
            paidCents: paid1,
            adjustments: [
              { group: 'CO', reasonCode: '45', amountCents: co },
              { group: 'PR', reasonCode: '1', amountCents: deductible },
            ],
          },
          { paidCents: l2.chargeCents, adjustments: [] },
        ]),
      ],
      { trace: 'EFT-WHOLE-LIFE-1' },
    );
    const posted = await t.as(org, 'biller').post('/api/remittances', file, X12);
    expect(posted.statusCode, posted.body).toBe(201);
    expect(posted.json()).toMatchObject({
      claimsPosted: 1,
      claimsAlreadyPosted: 0,
      claimsUnmatched: 0,
      paymentCents: paid1 + l2.chargeCents,
    });
    const claim = (await t.as(org, 'biller').get(`/api/claims/${c.id}`)).json() as {
      status: string;
      paidCents: number;
      patientResponsibilityCents: number;
      adjustments: { group: string; reasonCode: string; amountCents: number }[];
      timeline: { to: string }[];
    };
    expect(claim.status).toBe('paid');
    expect(claim.paidCents).toBe(paid1 + l2.chargeCents);
    expect(claim.patientResponsibilityCents).toBe(deductible);
    expect(claim.adjustments).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ group: 'CO', reasonCode: '45', amountCents: co }),
        expect.objectContaining({ group: 'PR', reasonCode: '1', amountCents: deductible }),
      ]),
    );
    expect(claim.timeline.map((e) => e.to)).toEqual(['draft', 'ready', 'submitted', 'acknowledged', 'payer_accepted', 'paid']);
    // The deductible is the patient's again; the payer's side is settled.
    expect(await account(c.patientId)).toMatchObject({ patientBalanceCents: deductible, insuranceBalanceCents: 0 });
    // The same file again posts nothing, in the claim or in the books.
    const before = await books();
    const replay = await t.as(org, 'biller').post('/api/remittances', file, X12);
    expect(replay.json()).toMatchObject({ claimsPosted: 0, claimsAlreadyPosted: 1 });
    expect(await books()).toEqual(before);

    // The patient pays the deductible at the desk: settled.
    const paid = await t.as(org, 'front_desk').post(
      '/api/payments',
      {
        patientId: c.patientId,
        amountCents: deductible,
        method: 'card',
        cardLast4: '4242',
        reference: 'TERM-778',
        locationId: org.locationId,
      },
      { 'idempotency-key': 'whole-life-deductible' },
    );
    expect(paid.statusCode, paid.body).toBe(201);
    expect(await account(c.patientId)).toMatchObject({ patientBalanceCents: 0, insuranceBalanceCents: 0 });

    // The books: revenue the whole visit; the payer's cash in the bank; the write-down; the card payment waiting for deposit.
    const tb = await books();
    expect(tb.get('1100') ?? 0).toBe(0);
    expect(tb.get('1110') ?? 0).toBe(0);
    expect(tb.get('4000')).toBe(-total);
    expect(tb.get('1020')).toBe(paid1 + l2.chargeCents);
    expect(tb.get('4900')).toBe(co);
    expect(tb.get('1010')).toBe(deductible);
  });

  it('a second batch carrying a claim again (after a rejection) moves nothing twice', async () => {
    const before = await books();
    const c = await readyClaim(t, p);
    const first = await t.as(org, 'biller').post('/api/claim-batches', { claimIds: [c.id] });
    expect(first.statusCode, first.body).toBe(201);
    const numbers = await t.db
      .selectFrom('claim_batches')
      .select(['group_control_number', 'transaction_control_number'])
      .where('id', '=', (first.json() as { id: string }).id)
      .executeTakeFirstOrThrow();
    const rejected = await t.as(org, 'biller').post(
      '/api/acknowledgements',
      ack999([
        {
          groupControlNumber: Number(numbers.group_control_number),
          transactionControlNumber: Number(numbers.transaction_control_number),
          accepted: false,
        },
      ]),
      X12,
    );
    expect(rejected.statusCode, rejected.body).toBe(201);
    expect(await claimStatus(c.id)).toBe('rejected');
    // Corrected: scrubbing reopens it as a draft out of its batch; clean, it is ready and goes out again.
    const scrub = await t.as(org, 'biller').post(`/api/claims/${c.id}/scrub`);
    expect(scrub.statusCode, scrub.body).toBe(200);
    expect(await claimStatus(c.id)).toBe('ready');
    const second = await t.as(org, 'biller').post('/api/claim-batches', { claimIds: [c.id] });
    expect(second.statusCode, second.body).toBe(201);
    expect(await claimStatus(c.id)).toBe('submitted');
    expect(await account(c.patientId)).toMatchObject({ patientBalanceCents: 0, insuranceBalanceCents: c.totalChargeCents });
    const after = await books();
    expect((after.get('1100') ?? 0) - (before.get('1100') ?? 0)).toBe(c.totalChargeCents);
  });
});
