/**
 * Refunding a card charged through the card gateway: the gateway's refund is called first, in the
 * refund's own use case, against the original charge's processor reference with the amount in
 * cents and an idempotency key (the fake checks all three and never lets more go back than was
 * charged); only then is the refund posted. A decline answers 402 problem+json and posts nothing,
 * a second partial refund uses its own key, a terminal card is refunded without the gateway.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { billablePatient, billingPractice } from '../helpers/claim-fixtures.ts';
import { startFakeCardGateway } from '../helpers/fake-card-gateway.ts';
import { createTestApp } from '../helpers/test-app.ts';

const gateway = await startFakeCardGateway();
const t = await createTestApp({
  env: { CARD_GATEWAY_URL: gateway.url, CARD_GATEWAY_KEY: gateway.apiKey, CARD_GATEWAY_TIMEOUT_MS: '2000' },
});
afterAll(() => gateway.close());
const p = await billingPractice(t);
const org = p.org;

async function cardPayment(token: string, amountCents: number) {
  const { patientId } = await billablePatient(t, p);
  const res = await t
    .as(org, 'front_desk')
    .post(
      '/api/payments',
      { patientId, locationId: org.locationId, method: 'card', amountCents, cardToken: token },
      { 'idempotency-key': randomUUID() },
    );
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; reference: string; patientId: string };
}

const refund = (paymentId: string, amountCents: number) =>
  t.as(org, 'biller').post(`/api/payments/${paymentId}/refund`, { amountCents, reason: 'Charged twice at the desk' });

async function refundEntries(paymentId: string) {
  const refunds = await t.db.selectFrom('refunds').select(['id', 'amount_cents']).where('payment_id', '=', paymentId).execute();
  const entries = refunds.length
    ? await t.db
        .selectFrom('journal_entries')
        .select('source_id')
        .where('kind', '=', 'refund')
        .where(
          'source_id',
          'in',
          refunds.map((r) => r.id),
        )
        .execute()
    : [];
  return { refunds: refunds.map((r) => Number(r.amount_cents)), entries: entries.length };
}

describe('refunds of gateway card payments', () => {
  it('refunds on the gateway against the original charge, with the amount and a key, before posting; a second part uses its own key', async () => {
    const payment = await cardPayment('tok_ok_4242_visa', 5_000);
    const first = await refund(payment.id, 1_500);
    expect(first.statusCode, first.body).toBe(201);
    const made = gateway.refunds.filter((r) => r.chargeId === payment.reference);
    expect(made).toEqual([
      { id: expect.any(String), chargeId: payment.reference, amountCents: 1_500, idempotencyKey: `${org.id}:refund:${payment.id}:0:1500` },
    ]);
    const second = await refund(payment.id, 3_500);
    expect(second.statusCode, second.body).toBe(201);
    expect(gateway.refunds.filter((r) => r.chargeId === payment.reference).map((r) => [r.amountCents, r.idempotencyKey])).toEqual([
      [1_500, `${org.id}:refund:${payment.id}:0:1500`],
      [3_500, `${org.id}:refund:${payment.id}:1500:3500`],
    ]);
    expect(await refundEntries(payment.id)).toEqual({ refunds: [1_500, 3_500], entries: 2 });
    // Nothing is left: refused before the gateway is asked.
    const seen = gateway.requests.length;
    const more = await refund(payment.id, 1);
    expect(more.statusCode).toBe(400);
    expect(gateway.requests.length).toBe(seen);
    // Every request the gateway received was well formed (key, amount, reference).
    expect(gateway.requests.filter((r) => r.problem !== null)).toEqual([]);
  });

  it('a declined refund answers 402 problem+json and posts nothing', async () => {
    const payment = await cardPayment('tok_ok_5555_mastercard', 4_000);
    gateway.declineRefunds.set(payment.reference, 'charge_disputed');
    const res = await refund(payment.id, 1_000);
    expect(res.statusCode, res.body).toBe(402);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ code: 'CARD_DECLINED', reason: 'charge_disputed' });
    expect(await refundEntries(payment.id)).toEqual({ refunds: [], entries: 0 });
    const row = await t.db.selectFrom('payments').select('refunded_cents').where('id', '=', payment.id).executeTakeFirstOrThrow();
    expect(Number(row.refunded_cents)).toBe(0);
    expect(gateway.refunds.filter((r) => r.chargeId === payment.reference)).toEqual([]);
    // The same refund again carries the same key: the processor answers its first outcome (no money moves twice).
    gateway.declineRefunds.delete(payment.reference);
    const same = await refund(payment.id, 1_000);
    expect(same.statusCode).toBe(402);
    expect(await refundEntries(payment.id)).toEqual({ refunds: [], entries: 0 });
    // Another amount is another refund: taken, then posted.
    const other = await refund(payment.id, 900);
    expect(other.statusCode, other.body).toBe(201);
    expect(gateway.refunds.filter((r) => r.chargeId === payment.reference).map((r) => r.amountCents)).toEqual([900]);
    expect(await refundEntries(payment.id)).toEqual({ refunds: [900], entries: 1 });
  });

  it('a card keyed in from a standalone terminal is refunded without calling the gateway', async () => {
    const { patientId } = await billablePatient(t, p);
    const res = await t
      .as(org, 'front_desk')
      .post(
        '/api/payments',
        { patientId, locationId: org.locationId, method: 'card', amountCents: 2_000, cardLast4: '1111', reference: 'TERM-1' },
        { 'idempotency-key': randomUUID() },
      );
    expect(res.statusCode, res.body).toBe(201);
    const seen = gateway.requests.length;
    const r = await refund(res.json().id, 500);
    expect(r.statusCode, r.body).toBe(201);
    expect(gateway.requests.length).toBe(seen);
  });
});
