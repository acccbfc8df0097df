import { requirePatientAccess, requirePermission } from '../access/index.ts';
import { diffFields, recordAudit } from '../audit/index.ts';
import { actorUserId, type Ctx, inTransaction } from '../shared/context.ts';
import { AppError } from '../shared/errors.ts';
import type { StaffThreadDetail, StaffThreadPatch } from './inbox.schemas.ts';
import { getThreadIn } from './get-thread.ts';
import { loadThread, requireColleague } from './thread-row.ts';

/**
 * Assign a thread to a colleague (or to nobody), or mark it done / open again. `expectedVersion`
 * from If-Match: 412 with the thread as it now is when someone replied or changed it since.
 */
export async function updateThread(ctx: Ctx, id: string, patch: StaffThreadPatch, expectedVersion: number): Promise<StaffThreadDetail> {
  requirePermission(ctx, 'message:staff');
  return inTransaction(ctx, async (tx) => {
    const thread = await loadThread(tx, id, { lock: true });
    const access = thread.patient_id ? await requirePatientAccess(tx, thread.patient_id, 'message:staff') : undefined;
    if (thread.version !== expectedVersion)
      throw new AppError('VERSION_MISMATCH', `message is at version ${thread.version}`, { extra: { current: await getThreadIn(tx, id) } });
    if (patch.assignedTo) await requireColleague(tx, patch.assignedTo, 'assignedTo');
    const assignedTo = patch.assignedTo !== undefined ? patch.assignedTo : thread.assigned_to;
    const wasDone = thread.done_at !== null;
    const done = patch.done ?? wasDone;
    await tx.db
      .updateTable('staff_threads')
      .set({
        assigned_to: assignedTo,
        done_at: done ? (thread.done_at ?? tx.clock.now()) : null,
        done_by: done ? (thread.done_by ?? actorUserId(tx)) : null,
        version: thread.version + 1,
      })
      .where('id', '=', id)
      .where('organization_id', '=', tx.organizationId)
      .execute();
    await recordAudit(tx, {
      action: 'update',
      resourceType: 'staff_thread',
      resourceId: id,
      ...(access ? { access } : {}),
      changes: diffFields({ assignedTo: thread.assigned_to, done: wasDone }, { assignedTo, done }),
      details: { reply: false, reopened: wasDone && !done },
    });
    return getThreadIn(tx, id);
  });
}
