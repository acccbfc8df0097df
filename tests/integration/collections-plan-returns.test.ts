/**
 * Payment plans give back what a refunded or voided payment paid them (today 2026-07-10): a
 * refund returns first what the plan did not take of the payment, then the plan's part; a void
 * returns all the payment still counted for. The plan counts that much less as paid, a completed
 * plan is active again, the installments it had covered reopen (latest first), and one reopened
 * past its due date and grace is marked missed by the sweep and flags the worklist.
 */
import { randomUUID } from 'node:crypto';
import { approveCharge } from '@domain/billing/index.ts';
import { markMissedInstallments } from '@domain/collections/index.ts';
import { FakeClock } from '@domain/shared/clock.ts';
import { systemCtx } from '@domain/shared/context.ts';
import { describe, expect, it } from 'vitest';
import { type BillingPractice, billablePatient, billingPractice, signedVisit } from '../helpers/claim-fixtures.ts';
import { createTestApp } from '../helpers/test-app.ts';

const clock = new FakeClock('2026-07-10T15:00:00Z');
const t = await createTestApp({ clock });

type Plan = {
  id: string;
  status: string;
  paidCents: number;
  remainingCents: number;
  installments: { paidCents: number; missed: boolean }[];
};

async function owing(p: BillingPractice): Promise<string> {
  const { patientId } = await billablePatient(t, p);
  const visit = await signedVisit(t, p.org, patientId, undefined, { approve: false });
  const then = systemCtx(t.db, new FakeClock('2026-06-15T15:00:00Z'), p.org.id, 'tests', 'test-approve');
  const charges = await t.db.selectFrom('charges').select(['id', 'version']).where('encounter_id', '=', visit.encounterId).execute();
  for (const c of charges) await approveCharge(then, c.id, c.version);
  return patientId;
}

async function pay(p: BillingPractice, patientId: string, amountCents: number): Promise<string> {
  const res = await t
    .as(p.org, 'front_desk')
    .post('/api/payments', { patientId, amountCents, method: 'cash', locationId: p.org.locationId }, { 'idempotency-key': randomUUID() });
  expect(res.statusCode, res.body).toBe(201);
  return (res.json() as { id: string }).id;
}

async function plan(p: BillingPractice, patientId: string): Promise<Plan> {
  const res = await t.as(p.org, 'biller').get(`/api/payment-plans?patientId=${patientId}`);
  expect(res.statusCode, res.body).toBe(200);
  const found = (res.json() as { items: Plan[] }).items[0];
  if (!found) throw new Error('no plan');
  return found;
}

describe('refunds and voids of plan payments', () => {
  it('take back the plan part, reopen the installments it covered (a completed plan is active again), and a reopened one can be missed', async () => {
    const p = await billingPractice(t);
    const patientId = await owing(p);
    const created = await t.as(p.org, 'biller').post('/api/payment-plans', {
      patientId,
      totalCents: 3000,
      installmentCents: 1000,
      frequency: 'monthly',
      firstDueOn: '2026-07-15',
    });
    expect(created.statusCode, created.body).toBe(201);
    const first = await pay(p, patientId, 1500);
    // 1,500 of this one completes the plan; 500 pays the visit outside it.
    const second = await pay(p, patientId, 2000);
    expect(await plan(p, patientId)).toMatchObject({ status: 'completed', paidCents: 3000 });

    // A refund returns first what the plan did not take (500 of the second payment): the plan keeps its 3,000.
    const r1 = await t.as(p.org, 'biller').post(`/api/payments/${second}/refund`, { amountCents: 300, reason: 'Overpaid' });
    expect(r1.statusCode, r1.body).toBe(201);
    expect(await plan(p, patientId)).toMatchObject({ status: 'completed', paidCents: 3000 });
    // 200 more of the outside part, then 200 of the plan's: active again, the last installment reopened.
    const r2 = await t.as(p.org, 'biller').post(`/api/payments/${second}/refund`, { amountCents: 400, reason: 'Overpaid' });
    expect(r2.statusCode, r2.body).toBe(201);
    let now = await plan(p, patientId);
    expect(now).toMatchObject({ status: 'active', paidCents: 2800, remainingCents: 200 });
    expect(now.installments.map((i) => i.paidCents)).toEqual([1000, 1000, 800]);

    // Voiding the first payment takes back all 1,500 it paid, latest installments first.
    const v = await t.as(p.org, 'biller').post(`/api/payments/${first}/void`, { reason: 'Posted to the wrong patient' });
    expect(v.statusCode, v.body).toBe(200);
    now = await plan(p, patientId);
    expect(now).toMatchObject({ status: 'active', paidCents: 1300, remainingCents: 1700 });
    expect(now.installments.map((i) => i.paidCents)).toEqual([1000, 300, 0]);

    // The reopened August installment, unpaid past its grace, is missed and flags the guarantor.
    await markMissedInstallments(t.db, new FakeClock('2026-08-21T12:00:00Z'));
    now = await plan(p, patientId);
    expect(now.installments.map((i) => i.missed)).toEqual([false, true, false]);
    const worklist = await t.as(p.org, 'biller').get('/api/collections/worklist');
    const row = (worklist.json() as { items: { patients: { id: string }[]; missedInstallment: boolean }[] }).items.find((r) =>
      r.patients.some((x) => x.id === patientId),
    );
    expect(row?.missedInstallment).toBe(true);

    // A payment that never paid a plan changes no plan when refunded.
    const other = await billingPractice(t);
    const otherPatient = await owing(other);
    const plain = await pay(other, otherPatient, 700);
    const r3 = await t.as(other.org, 'biller').post(`/api/payments/${plain}/refund`, { amountCents: 700, reason: 'x' });
    expect(r3.statusCode, r3.body).toBe(201);
    expect(await plan(p, patientId)).toMatchObject({ paidCents: 1300 });
  }, 120_000);
});
