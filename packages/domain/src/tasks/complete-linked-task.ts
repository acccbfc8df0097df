import { recordAudit } from '../audit/index.ts';
import { actorUserId, type Ctx } from '../shared/context.ts';
import { emit } from '../shared/events.ts';
import { taskCompleted } from './task-events.ts';

/**
 * Complete the task another module's record made (a call's follow-up marked done at the call),
 * in the caller's transaction: only when it is not done yet (open or in progress); audited, and `task.completed` emitted
 * as when the task is completed from the list. Answers whether it changed.
 */
export async function completeLinkedTask(tx: Ctx, taskId: string): Promise<boolean> {
  const now = tx.clock.now();
  const before = await tx.db
    .selectFrom('tasks')
    .select('status')
    .where('organization_id', '=', tx.organizationId)
    .where('id', '=', taskId)
    .forUpdate()
    .executeTakeFirst();
  if (!before || before.status === 'done') return false;
  const row = await tx.db
    .updateTable('tasks')
    .set((eb) => ({ status: 'done', completed_at: now, completed_by: actorUserId(tx), version: eb('version', '+', 1), updated_at: now }))
    .where('organization_id', '=', tx.organizationId)
    .where('id', '=', taskId)
    .where('status', '<>', 'done')
    .returning(['id', 'patient_id', 'source', 'source_id'])
    .executeTakeFirst();
  if (!row) return false;
  await recordAudit(tx, {
    action: 'update',
    resourceType: 'task',
    resourceId: row.id,
    patientId: row.patient_id,
    changes: { status: { before: before.status, after: 'done' } },
  });
  await emit(tx, taskCompleted, { id: row.id, source: row.source, sourceId: row.source_id });
  return true;
}
