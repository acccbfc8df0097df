import type { PaymentVoidedPayload, RefundIssuedPayload } from '../accounts/index.ts';
import type { Ctx } from '../shared/context.ts';
import { refreshMissedFlags } from './refresh-missed-flags.ts';

/**
 * refund.issued (in the refund's transaction): money given back from a payment that paid a plan
 * takes its part back from the plan. A refund returns first what the plan did not take of the
 * payment (what stayed on account or paid visits outside the plan), then the plan's part; the plan
 * counts that much less as paid and its installments reopen, newest first. Answers what it took back.
 */
export async function returnRefundFromPlan(tx: Ctx, r: RefundIssuedPayload): Promise<{ planCents: number }> {
  let total = 0;
  for (const row of await applications(tx, r.paymentId)) {
    const outsidePlan = row.payment_cents - row.applied_cents;
    const before = row.refunded_cents;
    const after = Math.min(row.payment_cents, before + r.amountCents);
    const fromPlan = Math.max(0, after - outsidePlan) - Math.max(0, before - outsidePlan);
    const take = Math.min(fromPlan, row.applied_cents - row.returned_cents);
    await tx.db
      .updateTable('payment_plan_payments')
      .set({ refunded_cents: after, returned_cents: row.returned_cents + take, updated_at: tx.clock.now() })
      .where('organization_id', '=', tx.organizationId)
      .where('plan_id', '=', row.plan_id)
      .where('payment_id', '=', r.paymentId)
      .execute();
    total += await takeBackFromPlan(tx, row.plan_id, take);
  }
  return { planCents: total };
}

/** payment.voided (in the void's transaction): the plan gives back all that payment still counts for. */
export async function returnVoidFromPlan(tx: Ctx, v: PaymentVoidedPayload): Promise<{ planCents: number }> {
  let total = 0;
  for (const row of await applications(tx, v.paymentId)) {
    const take = row.applied_cents - row.returned_cents;
    await tx.db
      .updateTable('payment_plan_payments')
      .set({ returned_cents: row.applied_cents, updated_at: tx.clock.now() })
      .where('organization_id', '=', tx.organizationId)
      .where('plan_id', '=', row.plan_id)
      .where('payment_id', '=', v.paymentId)
      .execute();
    total += await takeBackFromPlan(tx, row.plan_id, take);
  }
  return { planCents: total };
}

async function applications(tx: Ctx, paymentId: string) {
  const rows = await tx.db
    .selectFrom('payment_plan_payments')
    .select(['plan_id', 'payment_cents', 'applied_cents', 'returned_cents', 'refunded_cents'])
    .where('organization_id', '=', tx.organizationId)
    .where('payment_id', '=', paymentId)
    .orderBy('plan_id')
    .forUpdate()
    .execute();
  return rows.map((r) => ({
    plan_id: r.plan_id,
    payment_cents: Number(r.payment_cents),
    applied_cents: Number(r.applied_cents),
    returned_cents: Number(r.returned_cents),
    refunded_cents: Number(r.refunded_cents),
  }));
}

/**
 * The plan counts `cents` less as paid: installments lose what they were paid, the latest paid
 * first, and a completed plan is active again (or broken, when the patient has since started
 * another active plan: one active plan per patient). The guarantor's missed-installment flag is
 * recomputed; installments reopened past their grace are marked missed by the sweeper.
 */
async function takeBackFromPlan(tx: Ctx, planId: string, cents: number): Promise<number> {
  if (cents <= 0) return 0;
  const plan = await tx.db
    .selectFrom('payment_plans')
    .select(['id', 'patient_id', 'status', 'paid_cents', 'guarantor_key'])
    .where('organization_id', '=', tx.organizationId)
    .where('id', '=', planId)
    .forUpdate()
    .executeTakeFirstOrThrow();
  const paid = await tx.db
    .selectFrom('payment_plan_installments')
    .select(['seq', 'paid_cents'])
    .where('organization_id', '=', tx.organizationId)
    .where('plan_id', '=', planId)
    .where('paid_cents', '>', 0)
    .orderBy('seq', 'desc')
    .execute();
  let left = Math.min(cents, Number(plan.paid_cents));
  const taken = left;
  for (const i of paid) {
    if (left <= 0) break;
    const take = Math.min(left, Number(i.paid_cents));
    await tx.db
      .updateTable('payment_plan_installments')
      .set({ paid_cents: Number(i.paid_cents) - take })
      .where('organization_id', '=', tx.organizationId)
      .where('plan_id', '=', planId)
      .where('seq', '=', i.seq)
      .execute();
    left -= take;
  }
  let status = plan.status;
  if (plan.status === 'completed') {
    const other = await tx.db
      .selectFrom('payment_plans')
      .select('id')
      .where('organization_id', '=', tx.organizationId)
      .where('patient_id', '=', plan.patient_id)
      .where('status', '=', 'active')
      .executeTakeFirst();
    status = other ? 'broken' : 'active';
  }
  await tx.db
    .updateTable('payment_plans')
    .set({ paid_cents: Number(plan.paid_cents) - taken, status, updated_at: tx.clock.now() })
    .where('organization_id', '=', tx.organizationId)
    .where('id', '=', planId)
    .execute();
  await refreshMissedFlags(tx.db, [{ organizationId: tx.organizationId, guarantorKey: plan.guarantor_key }]);
  return taken;
}
