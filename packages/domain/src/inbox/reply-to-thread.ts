import { requirePatientAccess, requirePermission } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { actorUserId, type Ctx, inTransaction, requireUser } from '../shared/context.ts';
import type { StaffReplyInput, StaffThreadDetail } from './inbox.schemas.ts';
import { getThreadIn } from './get-thread.ts';
import { loadThread, markRead } from './thread-row.ts';

/** Reply in a thread (a reply to a done thread opens it again): unread for everyone else on it. */
export async function replyToThread(ctx: Ctx, id: string, input: StaffReplyInput): Promise<StaffThreadDetail> {
  requirePermission(ctx, 'message:staff');
  requireUser(ctx);
  return inTransaction(ctx, async (tx) => {
    const thread = await loadThread(tx, id, { lock: true });
    const access = thread.patient_id ? await requirePatientAccess(tx, thread.patient_id, 'message:staff') : undefined;
    const now = tx.clock.now();
    await tx.db
      .insertInto('staff_messages')
      .values({ organization_id: tx.organizationId, thread_id: id, author_id: actorUserId(tx), body: input.body, created_at: now })
      .execute();
    await tx.db
      .updateTable('staff_threads')
      .set({ last_message_at: now, done_at: null, done_by: null, version: thread.version + 1 })
      .where('id', '=', id)
      .where('organization_id', '=', tx.organizationId)
      .execute();
    await markRead(tx, id);
    await recordAudit(tx, {
      action: 'update',
      resourceType: 'staff_thread',
      resourceId: id,
      ...(access ? { access } : {}),
      details: { reply: true, reopened: thread.done_at !== null },
    });
    return getThreadIn(tx, id);
  });
}
