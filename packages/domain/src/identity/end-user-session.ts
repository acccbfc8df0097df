import { requirePermission } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { inTransaction, type Ctx } from '../shared/context.ts';
import { AppError } from '../shared/errors.ts';
import { assertMayManage } from './admin-guard.ts';
import { sessionsChanged } from './session-cache.ts';
import { findUser } from './user-row.ts';

/** Sign a user out of one session (a lost laptop). Ending an already-ended session is a no-op; another user's session is NOT_FOUND. */
export async function endUserSession(ctx: Ctx, userId: string, sessionId: string): Promise<void> {
  requirePermission(ctx, 'user:manage');
  await inTransaction(ctx, async (tx) => {
    await findUser(tx, userId);
    await assertMayManage(tx, userId, 'sign out');
    const session = /^[0-9a-f-]{36}$/i.test(sessionId)
      ? await tx.db
          .selectFrom('sessions')
          .select(['id', 'ended_at'])
          .where('id', '=', sessionId)
          .where('user_id', '=', userId)
          .where('organization_id', '=', tx.organizationId)
          .executeTakeFirst()
      : undefined;
    if (!session) throw new AppError('NOT_FOUND', 'session not found');
    if (session.ended_at) return;
    sessionsChanged({ sessionId });
    await tx.db
      .updateTable('sessions')
      .set({ ended_at: tx.clock.now(), end_reason: 'ended by administrator' })
      .where('id', '=', sessionId)
      .execute();
    await recordAudit(tx, { action: 'session_end', resourceType: 'session', resourceId: sessionId, details: { userId } });
  });
}
