import { requirePermission } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { inTransaction, type Ctx } from '../shared/context.ts';
import { assertMayManage } from './admin-guard.ts';
import type { User } from './identity.schemas.ts';
import { accountLocks, clearLoginFailures } from './login-throttle.ts';
import { queueSecurityNotice } from './security-notice.ts';
import { findUser, loadUser } from './user-row.ts';

/**
 * Clear an account's failed sign-ins so it can sign in again before the lock ends by itself
 * (a colleague who mistyped, confirmed by phone). The address's own count is untouched.
 * Audited; the account holder is told by email when the account was locked.
 */
export async function unlockUser(ctx: Ctx, userId: string): Promise<User> {
  requirePermission(ctx, 'user:manage');
  return inTransaction(ctx, async (tx) => {
    const user = await findUser(tx, userId, { forUpdate: true });
    await assertMayManage(tx, userId, 'unlock');
    const lockedUntil = (await accountLocks(tx.db, tx.clock, [user.email])).get(user.email) ?? null;
    await clearLoginFailures(tx.db, user.email);
    await recordAudit(tx, {
      action: 'unlock',
      resourceType: 'user',
      resourceId: userId,
      details: { wasLockedUntil: lockedUntil?.toISOString() ?? null },
    });
    if (lockedUntil) await queueSecurityNotice(tx, userId, 'unlocked');
    return loadUser(tx, userId);
  });
}
