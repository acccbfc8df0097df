import type { Ctx } from '../shared/context.ts';
import type { Plan } from './collections.schemas.ts';

/** Plans with their installments (two statements, bounded by the ids given). */
export async function loadPlans(tx: Ctx, planIds: readonly string[]): Promise<Plan[]> {
  if (planIds.length === 0) return [];
  const plans = await tx.db
    .selectFrom('payment_plans')
    .selectAll()
    .where('organization_id', '=', tx.organizationId)
    .where('id', 'in', [...planIds])
    .orderBy('created_at', 'desc')
    .execute();
  const installments = await tx.db
    .selectFrom('payment_plan_installments')
    .selectAll()
    .where('organization_id', '=', tx.organizationId)
    .where('plan_id', 'in', [...planIds])
    .orderBy('plan_id')
    .orderBy('seq')
    .execute();
  return plans.map((p) => ({
    id: p.id,
    patientId: p.patient_id,
    guarantorKey: p.guarantor_key,
    totalCents: Number(p.total_cents),
    installmentCents: Number(p.installment_cents),
    frequency: p.frequency,
    firstDueOn: p.first_due_on,
    status: p.status,
    paidCents: Number(p.paid_cents),
    remainingCents: Number(p.total_cents) - Number(p.paid_cents),
    cancelReason: p.cancel_reason,
    note: p.note,
    createdAt: p.created_at.toISOString(),
    installments: installments
      .filter((i) => i.plan_id === p.id)
      .map((i) => ({
        seq: i.seq,
        dueOn: i.due_on,
        amountCents: Number(i.amount_cents),
        paidCents: Number(i.paid_cents),
        missed: i.missed_at !== null,
      })),
  }));
}
