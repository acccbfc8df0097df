import { requirePatientAccess, requirePermission } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { type Ctx, inTransaction } from '../shared/context.ts';
import { AppError, notFound } from '../shared/errors.ts';
import type { Plan } from './collections.schemas.ts';
import { loadPlans } from './plan-row.ts';
import { refreshMissedFlags } from './refresh-missed-flags.ts';

/** Cancels an active payment plan, with the reason (other states: 409). Payments no longer reduce it. */
export async function cancelPlan(ctx: Ctx, planId: string, reason: string): Promise<Plan> {
  requirePermission(ctx, 'collections:manage');
  return inTransaction(ctx, async (tx) => {
    if (!/^[0-9a-f-]{36}$/i.test(planId)) throw notFound('payment plan');
    const plan = await tx.db
      .selectFrom('payment_plans')
      .select(['id', 'patient_id', 'status', 'guarantor_key'])
      .where('organization_id', '=', tx.organizationId)
      .where('id', '=', planId)
      .forUpdate()
      .executeTakeFirst();
    if (!plan) throw notFound('payment plan');
    const access = await requirePatientAccess(tx, plan.patient_id, 'collections:manage');
    if (plan.status !== 'active') throw new AppError('CONFLICT', `the plan is ${plan.status}: only an active plan can be cancelled`);
    await tx.db
      .updateTable('payment_plans')
      .set({ status: 'cancelled', cancel_reason: reason, updated_at: tx.clock.now() })
      .where('organization_id', '=', tx.organizationId)
      .where('id', '=', planId)
      .execute();
    await refreshMissedFlags(tx.db, [{ organizationId: tx.organizationId, guarantorKey: plan.guarantor_key }]);
    await recordAudit(tx, {
      action: 'update',
      resourceType: 'payment_plan',
      resourceId: planId,
      access,
      details: { status: 'cancelled', reason },
    });
    const [out] = await loadPlans(tx, [planId]);
    return out as Plan;
  });
}
