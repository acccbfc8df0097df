import type { CompletedTask } from '../tasks/index.ts';
import type { Ctx } from '../shared/context.ts';
import { recordAudit } from '../audit/index.ts';

/**
 * A call's follow-up task was completed: the call's follow-up is done too (in the completing
 * transaction), unless someone already closed it. Answers whether a call changed.
 */
export async function followUpFromTask(tx: Ctx, task: CompletedTask): Promise<{ callId: string } | null> {
  if (task.source !== 'call' || !task.sourceId) return null;
  const row = await tx.db
    .updateTable('calls')
    .set((eb) => ({ follow_up: 'done', version: eb('version', '+', 1), updated_at: tx.clock.now() }))
    .where('organization_id', '=', tx.organizationId)
    .where('id', '=', task.sourceId)
    .where('task_id', '=', task.id)
    .where('follow_up', '=', 'open')
    .returning(['id', 'patient_id'])
    .executeTakeFirst();
  if (!row) return null;
  await recordAudit(tx, {
    action: 'update',
    resourceType: 'call',
    resourceId: row.id,
    patientId: row.patient_id,
    changes: { follow_up: { before: 'open', after: 'done' } },
  });
  return { callId: row.id };
}
