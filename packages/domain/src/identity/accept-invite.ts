import { recordAudit } from '../audit/index.ts';
import { type Ctx, inTransaction } from '../shared/context.ts';
import { AppError } from '../shared/errors.ts';
import { checkPasswordPolicy, hashPassword, practiceNameOf } from './passwords.ts';
import { endUserSessions, hashToken } from './sessions.ts';

const badToken = () =>
  new AppError('VALIDATION_FAILED', 'the invitation is invalid, used or expired', {
    errors: [{ path: 'token', message: 'invalid, used or expired' }],
  });

/**
 * The invited person chooses a password with the one-time token. The token works
 * once and until it expires; any sessions of the account end (a reset signs out everywhere).
 * `ctx` is anonymous: the organization comes from the invite.
 */
export async function acceptInvite(ctx: Ctx, input: { token: string; password: string }): Promise<{ email: string }> {
  const now = ctx.clock.now();
  const invite = await ctx.db
    .selectFrom('user_invites as i')
    .innerJoin('users as u', 'u.id', 'i.user_id')
    .select(['i.id', 'i.user_id', 'i.organization_id', 'i.expires_at', 'i.used_at', 'u.email', 'u.display_name', 'u.active'])
    .where('i.token_hash', '=', hashToken(input.token))
    .executeTakeFirst();
  if (!invite || invite.used_at || new Date(invite.expires_at) <= now || !invite.active) throw badToken();
  await checkPasswordPolicy(input.password, {
    email: invite.email,
    displayName: invite.display_name,
    practiceName: await practiceNameOf(ctx.db, invite.organization_id),
  });
  const hash = await hashPassword(input.password);
  return inTransaction(ctx, async (tx) => {
    const used = await tx.db
      .updateTable('user_invites')
      .set({ used_at: now })
      .where('id', '=', invite.id)
      .where('used_at', 'is', null)
      .returning('id')
      .executeTakeFirst();
    if (!used) throw badToken();
    await tx.db.updateTable('users').set({ password_hash: hash, password_changed_at: now }).where('id', '=', invite.user_id).execute();
    await endUserSessions(tx.db, tx.clock, invite.user_id, 'password set from invite');
    await recordAudit(tx, {
      action: 'password_set',
      resourceType: 'user',
      resourceId: invite.user_id,
      userId: invite.user_id,
      organizationId: invite.organization_id,
      details: { via: 'invite' },
    });
    return { email: invite.email };
  });
}
