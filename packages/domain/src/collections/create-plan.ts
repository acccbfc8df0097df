import { requirePatientAccess, requirePermission, todayAt } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { guarantorsOf } from '../patients/index.ts';
import { actorUserId, type Ctx, inTransaction } from '../shared/context.ts';
import { AppError, invalid, isUniqueViolation, notFound } from '../shared/errors.ts';
import type { Plan, PlanInput } from './collections.schemas.ts';
import { ensureCollectionAccount } from './guarantor-access.ts';
import { planInstallments } from './plan-schedule.ts';
import { loadPlans } from './plan-row.ts';

/**
 * Sets up a payment plan for a patient: the agreed total paid in installments of a fixed amount
 * (the last one what is left) every month, two weeks or week from the first due date. One active
 * plan per patient (the database's unique index; a second answers 409). Payments the patient
 * makes from then on reduce it, oldest installment first (`applyPaymentToCollections`).
 */
export async function createPlan(ctx: Ctx, input: PlanInput): Promise<Plan> {
  requirePermission(ctx, 'collections:manage');
  return inTransaction(ctx, async (tx) => {
    const access = await requirePatientAccess(tx, input.patientId, 'collections:manage');
    const guarantor = (await guarantorsOf(tx, [input.patientId])).get(input.patientId);
    if (!guarantor) throw notFound('patient');
    const today = await todayAt(tx, tx.locationId);
    if (input.firstDueOn < today) throw invalid('firstDueOn', 'the first installment is due today or later');
    const schedule = planInstallments(input.totalCents, input.installmentCents, input.frequency, input.firstDueOn);
    const now = tx.clock.now();
    let planId: string;
    try {
      const row = await tx.db
        .insertInto('payment_plans')
        .values({
          organization_id: tx.organizationId,
          patient_id: input.patientId,
          guarantor_key: guarantor.key,
          total_cents: input.totalCents,
          installment_cents: input.installmentCents,
          frequency: input.frequency,
          first_due_on: input.firstDueOn,
          note: input.note ?? '',
          created_by: actorUserId(tx),
          created_at: now,
          updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      planId = row.id;
    } catch (e) {
      if (isUniqueViolation(e)) throw new AppError('CONFLICT', 'the patient already has an active payment plan: cancel it first');
      throw e;
    }
    await tx.db
      .insertInto('payment_plan_installments')
      .values(
        schedule.map((s) => ({
          organization_id: tx.organizationId,
          plan_id: planId,
          seq: s.seq,
          due_on: s.dueOn,
          amount_cents: s.amountCents,
        })),
      )
      .execute();
    await ensureCollectionAccount(tx, guarantor.key);
    await recordAudit(tx, {
      action: 'create',
      resourceType: 'payment_plan',
      resourceId: planId,
      access,
      details: {
        totalCents: input.totalCents,
        installmentCents: input.installmentCents,
        frequency: input.frequency,
        installments: schedule.length,
      },
    });
    const [plan] = await loadPlans(tx, [planId]);
    return plan as Plan;
  });
}
