import { requirePermission } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { inTransaction, type Ctx } from '../shared/context.ts';
import { assertMayManage, refuseSelf } from './admin-guard.ts';
import type { User } from './identity.schemas.ts';
import { clearMfa } from './mfa.ts';
import { queueSecurityNotice } from './security-notice.ts';
import { endUserSessions } from './sessions.ts';
import { findUser, loadUser } from './user-row.ts';

/**
 * Lost phone: forget the user's authenticator and recovery codes and end their sessions; they enrol again at
 * next sign-in and are told by email. Not for one's own account, nor for an account with a role the actor lacks.
 */
export async function resetUserMfa(ctx: Ctx, userId: string): Promise<User> {
  requirePermission(ctx, 'user:manage');
  refuseSelf(ctx, userId, 'reset the two-step sign-in of');
  return inTransaction(ctx, async (tx) => {
    const user = await findUser(tx, userId, { forUpdate: true });
    await assertMayManage(tx, userId, 'reset the two-step sign-in of');
    await clearMfa(tx.db, userId);
    const ended = await endUserSessions(tx.db, tx.clock, userId, 'mfa reset');
    await recordAudit(tx, {
      action: 'mfa_reset',
      resourceType: 'user',
      resourceId: userId,
      changes: { mfaEnabled: { before: user.mfa_enabled, after: false } },
      details: { sessionsEnded: ended },
    });
    await queueSecurityNotice(tx, userId, 'mfa_reset');
    return loadUser(tx, userId);
  });
}
