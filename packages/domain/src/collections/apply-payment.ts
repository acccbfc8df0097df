import type { PaymentPostedPayload } from '../accounts/index.ts';
import { guarantorsOf } from '../patients/index.ts';
import type { Ctx } from '../shared/context.ts';
import { refreshMissedFlags } from './refresh-missed-flags.ts';

/**
 * payment.posted (in the payment's transaction): the payment counts toward the guarantor's
 * promise to pay when made between the promise and its date, and reduces the patient's active
 * payment plan, oldest unpaid installment first (a plan paid in full is completed; a missed
 * installment paid clears the worklist flag). What it applied is kept per payment
 * (`payment_plan_payments`), so a refund or void of the payment takes back exactly that part
 * (`return-plan-payment.ts`). Answers what it applied to the plan.
 */
export async function applyPaymentToCollections(tx: Ctx, p: PaymentPostedPayload): Promise<{ planCents: number }> {
  const guarantor = (await guarantorsOf(tx, [p.patientId])).get(p.patientId);
  if (!guarantor) return { planCents: 0 };
  await tx.db
    .updateTable('collection_accounts')
    .set((eb) => ({ promise_paid_cents: eb('promise_paid_cents', '+', p.amountCents), updated_at: tx.clock.now() }))
    .where('organization_id', '=', tx.organizationId)
    .where('guarantor_key', '=', guarantor.key)
    .where('promise_on', '>=', p.postingDate)
    .where('promise_made_on', '<=', p.postingDate)
    .execute();
  const plan = await tx.db
    .selectFrom('payment_plans')
    .select(['id', 'total_cents', 'paid_cents', 'guarantor_key'])
    .where('organization_id', '=', tx.organizationId)
    .where('patient_id', '=', p.patientId)
    .where('status', '=', 'active')
    .forUpdate()
    .executeTakeFirst();
  if (!plan) return { planCents: 0 };
  const open = await tx.db
    .selectFrom('payment_plan_installments')
    .select(['seq', 'amount_cents', 'paid_cents'])
    .where('organization_id', '=', tx.organizationId)
    .where('plan_id', '=', plan.id)
    .whereRef('paid_cents', '<', 'amount_cents')
    .orderBy('seq')
    .execute();
  let left = p.amountCents;
  let applied = 0;
  for (const i of open) {
    if (left <= 0) break;
    const take = Math.min(left, Number(i.amount_cents) - Number(i.paid_cents));
    await tx.db
      .updateTable('payment_plan_installments')
      .set({ paid_cents: Number(i.paid_cents) + take })
      .where('organization_id', '=', tx.organizationId)
      .where('plan_id', '=', plan.id)
      .where('seq', '=', i.seq)
      .execute();
    left -= take;
    applied += take;
  }
  if (applied > 0) {
    const paid = Number(plan.paid_cents) + applied;
    await tx.db
      .updateTable('payment_plans')
      .set({ paid_cents: paid, updated_at: tx.clock.now(), ...(paid === Number(plan.total_cents) && { status: 'completed' as const }) })
      .where('organization_id', '=', tx.organizationId)
      .where('id', '=', plan.id)
      .execute();
    await tx.db
      .insertInto('payment_plan_payments')
      .values({
        organization_id: tx.organizationId,
        plan_id: plan.id,
        payment_id: p.paymentId,
        payment_cents: p.amountCents,
        applied_cents: applied,
        created_at: tx.clock.now(),
        updated_at: tx.clock.now(),
      })
      .onConflict((oc) => oc.columns(['plan_id', 'payment_id']).doNothing())
      .execute();
    await refreshMissedFlags(tx.db, [{ organizationId: tx.organizationId, guarantorKey: plan.guarantor_key }]);
  }
  return { planCents: applied };
}
