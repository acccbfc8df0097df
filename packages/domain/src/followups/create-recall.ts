import { requirePatientAccess, requirePermission, todayAt } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { actorUserId, type Ctx, inTransaction } from '../shared/context.ts';
import { checkReferences } from './create-follow-up.ts';
import type { Recall, RecallInput } from './followups.schemas.ts';
import { loadRecall } from './recall-row.ts';

/** Set a recall for a patient: the date they are due for an annual physical, a mammogram, a lab. */
export async function createRecall(ctx: Ctx, patientId: string, input: RecallInput): Promise<Recall> {
  requirePermission(ctx, 'appointment:write');
  return inTransaction(ctx, async (tx) => {
    const access = await requirePatientAccess(tx, patientId, 'appointment:write');
    await checkReferences(tx, { providerId: input.providerId });
    const row = await tx.db
      .insertInto('recalls')
      .values({
        organization_id: tx.organizationId,
        patient_id: patientId,
        recall_type: input.recallType,
        label: input.label ?? null,
        due_date: input.dueDate,
        provider_id: input.providerId ?? null,
        note: input.note,
        created_by: actorUserId(tx),
        created_at: tx.clock.now(),
        updated_at: tx.clock.now(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(tx, {
      action: 'create',
      resourceType: 'recall',
      resourceId: row.id,
      access,
      details: { recallType: input.recallType, dueDate: input.dueDate },
    });
    return loadRecall(tx, row.id, await todayAt(tx));
  });
}
