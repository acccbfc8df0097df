import { requirePermission } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { actorUserId, inTransaction, type Ctx } from '../shared/context.ts';
import { AppError } from '../shared/errors.ts';
import type { Invite } from './identity.schemas.ts';
import { newInvite } from './invite.ts';
import { findUser } from './user-row.ts';

/** A new one-time link for an existing active account (never used its invite, or forgot its password). Earlier links stop working. */
export async function inviteUser(ctx: Ctx, userId: string): Promise<Invite> {
  requirePermission(ctx, 'user:manage');
  return inTransaction(ctx, async (tx) => {
    const user = await findUser(tx, userId, { forUpdate: true });
    if (!user.active) throw new AppError('CONFLICT', 'the account is deactivated');
    const invite = await newInvite(tx.db, tx.clock, { organizationId: tx.organizationId, userId, createdBy: actorUserId(tx) });
    await recordAudit(tx, { action: 'invite', resourceType: 'user', resourceId: userId, details: { expiresAt: invite.expiresAt } });
    return invite;
  });
}
