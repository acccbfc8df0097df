/**
 * Payments at the desk: a card token is charged through the card gateway (a local fake that
 * checks every request) before anything is posted; a decline answers 402 and a gateway that does
 * not answer 503, and neither posts; the payment's Idempotency-Key is forwarded, so a retry after
 * a timeout or a double click charges once. Receipts print (PDF: names as written, method, amount,
 * visits, balance; audited) and email where the patient consented (through the message log and
 * its job). The expected copay comes from the coverage, else from the latest 271. The account
 * shows the guarantor's family balance.
 */
import { randomUUID } from 'node:crypto';
import { JobRunner } from '@domain/jobs/index.ts';
import { jobHandlers } from '@server/jobs/index.ts';
import { afterAll, describe, expect, it } from 'vitest';
import { billablePatient, billingPractice, signedVisit } from '../helpers/claim-fixtures.ts';
import { startFakeCardGateway } from '../helpers/fake-card-gateway.ts';
import { pdfText } from '../helpers/pdf-text.ts';
import { startSmtpSink } from '../helpers/smtp-sink.ts';
import { createTestApp } from '../helpers/test-app.ts';

const gateway = await startFakeCardGateway();
const smtp = await startSmtpSink();
// The gateway timeout leaves a busy CI machine room for a normal charge; tok_slow_4500 outlasts it.
const t = await createTestApp({
  env: { CARD_GATEWAY_URL: gateway.url, CARD_GATEWAY_KEY: gateway.apiKey, CARD_GATEWAY_TIMEOUT_MS: '3000' },
});
afterAll(async () => {
  await gateway.close();
  await smtp.close();
});
const p = await billingPractice(t);
const org = p.org;

type Payment = {
  id: string;
  amountCents: number;
  method: string;
  reference: string | null;
  cardLast4: string | null;
  cardBrand: string | null;
  cardSource: string | null;
  allocations: { encounterId: string; amountCents: number }[];
};

const pay = (body: Record<string, unknown>, key?: string) =>
  t
    .as(org, 'front_desk')
    .post('/api/payments', { locationId: org.locationId, method: 'card', ...body }, key ? { 'idempotency-key': key } : {});

async function countRows(table: 'payments' | 'journal_entries') {
  const r = await t.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('organization_id', '=', org.id)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

async function waitFor(check: () => boolean, what: string, ms = 10_000) {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('card payments through the gateway', () => {
  it('charges the token with the key, amount in cents and USD, then posts one entry with the last four, brand and reference', async () => {
    const { patientId } = await billablePatient(t, p);
    const key = randomUUID();
    const res = await pay({ patientId, amountCents: 2500, cardToken: 'tok_ok_4242_visa' }, key);
    expect(res.statusCode, res.body).toBe(201);
    const payment = res.json() as Payment;
    const charge = gateway.charges.find((c) => c.idempotencyKey === `${org.id}:${key}`);
    expect(charge).toMatchObject({ amountCents: 2500, token: 'tok_ok_4242_visa' });
    expect(payment).toMatchObject({ cardLast4: '4242', cardBrand: 'visa', cardSource: 'gateway', reference: charge?.id });
    // Every request the gateway received was well formed (auth, key, cents, currency, token).
    expect(gateway.requests.filter((r) => r.problem !== null)).toEqual([]);
    const entries = await t.db
      .selectFrom('journal_entries')
      .select('id')
      .where('source_id', '=', payment.id)
      .where('kind', '=', 'patient_payment')
      .execute();
    expect(entries).toHaveLength(1);
  });

  it('a decline answers 402 problem+json and posts nothing; a token without an Idempotency-Key is a 400', async () => {
    const { patientId } = await billablePatient(t, p);
    const before = [await countRows('payments'), await countRows('journal_entries')];
    const res = await pay({ patientId, amountCents: 2500, cardToken: 'tok_decline_insufficient_funds' }, randomUUID());
    expect(res.statusCode, res.body).toBe(402);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ code: 'CARD_DECLINED', reason: 'insufficient_funds' });
    const noKey = await pay({ patientId, amountCents: 2500, cardToken: 'tok_ok_1111' });
    expect(noKey.statusCode).toBe(400);
    expect(JSON.stringify(noKey.json())).toContain('Idempotency-Key');
    const mixed = await pay({ patientId, amountCents: 2500, cardToken: 'tok_ok_1111', cardLast4: '1111' }, randomUUID());
    expect(mixed.statusCode).toBe(400);
    expect([await countRows('payments'), await countRows('journal_entries')]).toEqual(before);
  });

  it('a gateway that does not answer in time gives 503 and posts nothing; the retry with the same key posts the first charge, never a second', async () => {
    const { patientId } = await billablePatient(t, p);
    const key = randomUUID();
    const before = await countRows('payments');
    const slow = await pay({ patientId, amountCents: 4000, cardToken: 'tok_slow_4500' }, key);
    expect(slow.statusCode, slow.body).toBe(503);
    expect(await countRows('payments')).toBe(before);
    // The processor finished charging after we gave up: the retry must get that charge back.
    await waitFor(() => gateway.charges.some((c) => c.idempotencyKey === `${org.id}:${key}`), 'the slow charge');
    const retry = await pay({ patientId, amountCents: 4000, cardToken: 'tok_slow_4500' }, key);
    expect(retry.statusCode, retry.body).toBe(201);
    const charges = gateway.charges.filter((c) => c.idempotencyKey === `${org.id}:${key}`);
    expect(charges).toHaveLength(1);
    expect((retry.json() as Payment).reference).toBe(charges[0]?.id);
    expect(await countRows('payments')).toBe(before + 1);
  });

  it('a double click charges once and posts once; a later replay does not call the gateway', async () => {
    const { patientId } = await billablePatient(t, p);
    const key = randomUUID();
    const [a, b] = await Promise.all([
      pay({ patientId, amountCents: 1500, cardToken: 'tok_ok_5555_mastercard' }, key),
      pay({ patientId, amountCents: 1500, cardToken: 'tok_ok_5555_mastercard' }, key),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([201, 201]);
    expect((a.json() as Payment).id).toBe((b.json() as Payment).id);
    const seen = gateway.requests.length;
    const again = await pay({ patientId, amountCents: 1500, cardToken: 'tok_ok_5555_mastercard' }, key);
    expect((again.json() as Payment).id).toBe((a.json() as Payment).id);
    expect(gateway.requests.length).toBe(seen);
    expect(gateway.charges.filter((c) => c.idempotencyKey === `${org.id}:${key}`)).toHaveLength(1);
    const other = await pay({ patientId, amountCents: 1600, cardToken: 'tok_ok_5555_mastercard' }, key);
    expect(other.statusCode).toBe(422);
  });

  it('a card taken on a standalone terminal is still keyed in (last four and reference), without the gateway', async () => {
    const { patientId } = await billablePatient(t, p);
    const seen = gateway.requests.length;
    const res = await pay({ patientId, amountCents: 2000, cardLast4: '0005', reference: 'TERM-77' }, randomUUID());
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ cardLast4: '0005', reference: 'TERM-77', cardSource: 'terminal', cardBrand: null });
    expect(gateway.requests.length).toBe(seen);
  });
});

describe('receipts', () => {
  it('print as a PDF with the name as written, method, last four, amount, visit and the balance left; audited as print', async () => {
    const { patientId } = await billablePatient(t, p);
    await t.db.updateTable('patients').set({ given_name: 'Zoë', family_name: 'Nguyễn-Øberg' }).where('id', '=', patientId).execute();
    const visit = await signedVisit(t, org, patientId);
    const owed = (await t.as(org, 'front_desk').get(`/api/patients/${patientId}/account`)).json().patientBalanceCents as number;
    const res = await pay({ patientId, amountCents: 2500, cardToken: 'tok_ok_9876_amex' }, randomUUID());
    expect(res.statusCode, res.body).toBe(201);
    const payment = res.json() as Payment;
    expect(payment.allocations[0]?.encounterId).toBe(visit.encounterId);
    const pdf = await t.as(org, 'front_desk').get(`/api/payments/${payment.id}/receipt.pdf`);
    expect(pdf.statusCode, pdf.body).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = (await pdfText(pdf.rawPayload)).replace(/\s+/g, ' ');
    expect(text).toContain('Zoë');
    expect(text).toContain('Nguyễn-Øberg');
    expect(text).toContain('$25.00');
    expect(text).toContain('ending 9876');
    expect(text).toContain('2026-03-03');
    const left = owed - 2500;
    expect(text).toContain(`Balance remaining: $${(left / 100).toFixed(2)}`);
    const audit = await t.db
      .selectFrom('audit_events')
      .select(['action', 'resource_type', 'patient_id'])
      .where('resource_id', '=', payment.id)
      .where('action', '=', 'print')
      .execute();
    expect(audit).toEqual([{ action: 'print', resource_type: 'payment', patient_id: patientId }]);
    // Another practice's payment is not found.
    const stranger = await t.newOrg();
    expect((await t.as(stranger, 'front_desk').get(`/api/payments/${payment.id}/receipt.pdf`)).statusCode).toBe(404);
  });

  it('email to the patient only with consent, through the message log and its job, once', async () => {
    const admin = t.as(org, 'admin');
    expect(
      (await admin.patch('/api/comms/settings', { smtpHost: smtp.host, smtpPort: smtp.port, smtpFrom: 'Desk <desk@clinic.test>' }))
        .statusCode,
    ).toBe(200);
    const { patientId } = await billablePatient(t, p);
    const paid = await pay({ patientId, amountCents: 1234, cardLast4: '4321' }, randomUUID());
    const paymentId = (paid.json() as Payment).id;
    const refused = await t.as(org, 'front_desk').post(`/api/payments/${paymentId}/receipt/email`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ reason: 'no_consent' });
    await t.db
      .updateTable('patients')
      .set({ email: 'zoe@example.test', consent_email_reminders: true })
      .where('id', '=', patientId)
      .execute();
    const queued = await t.as(org, 'front_desk').post(`/api/payments/${paymentId}/receipt/email`);
    expect(queued.statusCode, queued.body).toBe(202);
    expect(queued.json()).toMatchObject({ to: 'zoe@example.test', status: 'queued' });
    const runner = new JobRunner({
      db: t.db,
      clock: t.clock,
      installation: t.installation,
      handlers: jobHandlers,
      runnerId: 'r1',
      backoffBaseMs: 1,
    });
    while (await runner.runOnce()) {}
    await waitFor(() => smtp.messages.some((m) => m.to.includes('zoe@example.test')), 'the receipt email');
    const mail = smtp.messages.filter((m) => m.to.includes('zoe@example.test'));
    expect(mail).toHaveLength(1);
    expect(mail[0]?.text).toContain('Amount: $12.34');
    expect(mail[0]?.text).toContain('ending 4321');
    const msg = await t.db.selectFrom('messages').select(['status', 'kind', 'payment_id']).where('payment_id', '=', paymentId).execute();
    expect(msg).toEqual([{ status: 'sent', kind: 'payment_receipt', payment_id: paymentId }]);
    expect((await t.as(org, 'clinician').post(`/api/payments/${paymentId}/receipt/email`)).statusCode).toBe(403);
  });
});

describe('the copay expected at check-in', () => {
  it("is the coverage's office copay, else the latest 271's; what was paid today shows", async () => {
    const a = await billablePatient(t, p);
    const b = await billablePatient(t, p);
    const cov = await t.as(org, 'admin').get(`/api/patients/${a.patientId}/coverages`);
    const version = (cov.json() as { items: { id: string; version: number }[] }).items[0]?.version;
    const patched = await t
      .as(org, 'admin')
      .patch(`/api/patients/${a.patientId}/coverages/${a.coverageId}`, { copays: { office: 2500 } }, { 'if-match': `"${version}"` });
    expect(patched.statusCode, patched.body).toBe(200);
    const ask = () => t.as(org, 'front_desk').get(`/api/expected-copays?patientIds=${a.patientId},${b.patientId}`);
    const first = (await ask()).json() as {
      items: { patientId: string; copayCents: number | null; source: string | null; paidTodayCents: number }[];
    };
    expect(first.items.find((i) => i.patientId === a.patientId)).toMatchObject({ copayCents: 2500, source: 'coverage', paidTodayCents: 0 });
    expect(first.items.find((i) => i.patientId === b.patientId)).toMatchObject({ copayCents: null, source: null });
    expect((await pay({ patientId: a.patientId, amountCents: 2500, cardLast4: '1881' }, randomUUID())).statusCode).toBe(201);
    const second = (await ask()).json() as typeof first;
    expect(second.items.find((i) => i.patientId === a.patientId)?.paidTodayCents).toBe(2500);
    expect((await t.as(org, 'clinician').get(`/api/expected-copays?patientIds=${a.patientId}`)).statusCode).toBe(403);
    expect((await t.as(org, 'front_desk').get('/api/expected-copays?patientIds=nope')).statusCode).toBe(400);
  });
});

describe('the guarantor on the account', () => {
  it("sums the family's patient balances under the guarantor, and keeps the fixed fields", async () => {
    const parent = await billablePatient(t, p);
    const child = await billablePatient(t, p);
    await t.db
      .updateTable('patients')
      .set({ guarantor_kind: 'patient', guarantor_patient_id: parent.patientId })
      .where('id', '=', child.patientId)
      .execute();
    await signedVisit(t, org, parent.patientId);
    await signedVisit(t, org, child.patientId);
    const get = async (id: string) => (await t.as(org, 'front_desk').get(`/api/patients/${id}/account`)).json();
    const parentAccount = await get(parent.patientId);
    const childAccount = await get(child.patientId);
    expect(Object.keys(childAccount.aging)).toEqual(['0-30', '31-60', '61-90', '91-120', '120+']);
    expect(childAccount.guarantor.key).toBe(parent.patientId);
    expect(childAccount.guarantor.members.map((m: { patientId: string }) => m.patientId).sort()).toEqual(
      [parent.patientId, child.patientId].sort(),
    );
    expect(childAccount.guarantor.familyPatientBalanceCents).toBe(parentAccount.patientBalanceCents + childAccount.patientBalanceCents);
    expect(parentAccount.guarantor.familyPatientBalanceCents).toBe(childAccount.guarantor.familyPatientBalanceCents);
    // A payment on the child lowers the family's balance by as much.
    await pay({ patientId: child.patientId, amountCents: 1000, cardLast4: '1212' }, randomUUID());
    expect((await get(parent.patientId)).guarantor.familyPatientBalanceCents).toBe(childAccount.guarantor.familyPatientBalanceCents - 1000);
  });
});
