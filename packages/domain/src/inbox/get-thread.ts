import { requirePatientAccess, requirePermission } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { type Ctx, inTransaction } from '../shared/context.ts';
import { notFound } from '../shared/errors.ts';
import type { StaffThreadDetail } from './inbox.schemas.ts';
import { markRead, selectThreads, toThread } from './thread-row.ts';

/** A thread and its messages, read inside the caller's transaction (no access check or audit). */
export async function getThreadIn(tx: Ctx, id: string): Promise<StaffThreadDetail> {
  const row = await selectThreads(tx).where('t.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('message');
  const messages = await tx.db
    .selectFrom('staff_messages as m')
    .leftJoin('staff_directory as s', 's.id', 'm.author_id')
    .select(['m.id', 'm.author_id', 's.display_name', 'm.body', 'm.created_at'])
    .where('m.organization_id', '=', tx.organizationId)
    .where('m.thread_id', '=', id)
    .orderBy('m.created_at')
    .orderBy('m.id')
    .limit(1000)
    .execute();
  return {
    ...toThread(row),
    messages: messages.map((m) => ({
      id: m.id,
      authorId: m.author_id,
      authorName: m.display_name,
      body: m.body,
      createdAt: m.created_at.toISOString(),
    })),
  };
}

/**
 * Open a thread: its messages, oldest first; it is read by the caller from now. About a patient:
 * the caller must be able to open the record (else 404) and the read is audited with them.
 */
export async function getThread(ctx: Ctx, id: string): Promise<StaffThreadDetail> {
  requirePermission(ctx, 'message:staff');
  return inTransaction(ctx, async (tx) => {
    const thread = await getThreadIn(tx, id);
    if (thread.patientId) {
      const access = await requirePatientAccess(tx, thread.patientId, 'message:staff');
      await recordAudit(tx, {
        action: 'read',
        resourceType: 'staff_thread',
        resourceId: id,
        access,
        details: { messages: thread.messages.length },
      });
    }
    await markRead(tx, id);
    return { ...thread, unread: false };
  });
}
