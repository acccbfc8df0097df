import { sql } from 'kysely';
import { requirePermission } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { inTransaction, type Ctx } from '../shared/context.ts';
import { assertAdminRemains, assertMayManage, refuseSelf } from './admin-guard.ts';
import type { User } from './identity.schemas.ts';
import { endUserSessions } from './sessions.ts';
import { findUser, loadUser } from './user-row.ts';

/** Deactivate a staff account: it can no longer sign in, its open sessions and invites end. Accounts are never deleted (the audit trail names them). */
export async function deactivateUser(ctx: Ctx, userId: string): Promise<User> {
  requirePermission(ctx, 'user:manage');
  refuseSelf(ctx, userId, 'deactivate');
  return inTransaction(ctx, async (tx) => {
    await sql`select pg_advisory_xact_lock(hashtext(${`user-roles:${tx.organizationId}`}))`.execute(tx.db);
    const user = await findUser(tx, userId, { forUpdate: true });
    await assertMayManage(tx, userId, 'deactivate');
    if (!user.active) return loadUser(tx, userId);
    const now = tx.clock.now();
    await tx.db.updateTable('users').set({ active: false, deactivated_at: now }).where('id', '=', userId).execute();
    await assertAdminRemains(tx);
    const ended = await endUserSessions(tx.db, tx.clock, userId, 'user deactivated');
    await tx.db.updateTable('user_invites').set({ used_at: now }).where('user_id', '=', userId).where('used_at', 'is', null).execute();
    await recordAudit(tx, {
      action: 'deactivate',
      resourceType: 'user',
      resourceId: userId,
      changes: { active: { before: true, after: false } },
      details: { sessionsEnded: ended },
    });
    return loadUser(tx, userId);
  });
}
