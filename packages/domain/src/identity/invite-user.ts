import { requirePermission } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { actorUserId, inTransaction, type Ctx } from '../shared/context.ts';
import { AppError } from '../shared/errors.ts';
import type { Invite } from './identity.schemas.ts';
import { assertMayManage, refuseSelf } from './admin-guard.ts';
import { newInvite } from './invite.ts';
import { queueSecurityNotice } from './security-notice.ts';
import { endUserSessions } from './sessions.ts';
import { findUser } from './user-row.ts';

/**
 * A new one-time link for an existing active account (never used its invite, or forgot its password). Earlier
 * links stop working. For an account that already has a password, its sessions end and it is told by email.
 * Nobody re-invites themselves (changing one's own password needs the current one), nor an account with a role
 * the actor does not hold.
 */
export async function inviteUser(ctx: Ctx, userId: string): Promise<Invite> {
  requirePermission(ctx, 'user:manage');
  refuseSelf(ctx, userId, 're-invite');
  return inTransaction(ctx, async (tx) => {
    const user = await findUser(tx, userId, { forUpdate: true });
    if (!user.active) throw new AppError('CONFLICT', 'the account is deactivated');
    await assertMayManage(tx, userId, 're-invite');
    const inUse = user.password_hash !== null;
    const ended = inUse ? await endUserSessions(tx.db, tx.clock, userId, 're-invited') : 0;
    const invite = await newInvite(tx.db, tx.clock, { organizationId: tx.organizationId, userId, createdBy: actorUserId(tx) });
    await recordAudit(tx, {
      action: 'invite',
      resourceType: 'user',
      resourceId: userId,
      details: { expiresAt: invite.expiresAt, ...(inUse ? { sessionsEnded: ended } : {}) },
    });
    if (inUse) await queueSecurityNotice(tx, userId, 'reinvited');
    return invite;
  });
}
