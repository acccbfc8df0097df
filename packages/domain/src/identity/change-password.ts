import { recordAudit } from '../audit/index.ts';
import { type Ctx, inTransaction, requireUser } from '../shared/context.ts';
import { AppError } from '../shared/errors.ts';
import { checkPasswordPolicy, hashPassword, practiceNameOf, verifyPassword } from './passwords.ts';
import { endUserSessions } from './sessions.ts';

/**
 * The signed-in user changes their password: the current one is required, the
 * new one meets the policy, and every other session of the user ends.
 */
export async function changePassword(ctx: Ctx, input: { currentPassword: string; newPassword: string }): Promise<void> {
  const actor = requireUser(ctx);
  const user = await ctx.db
    .selectFrom('users')
    .select(['email', 'display_name', 'password_hash'])
    .where('id', '=', actor.userId)
    .where('organization_id', '=', ctx.organizationId)
    .executeTakeFirstOrThrow();
  if (!(await verifyPassword(user.password_hash, input.currentPassword))) {
    await ctx.baseDb.transaction().execute((trx) =>
      recordAudit(
        { ...ctx, db: trx },
        {
          action: 'password_change',
          resourceType: 'user',
          resourceId: actor.userId,
          outcome: 'denied',
          details: { reason: 'wrong current password' },
        },
      ),
    );
    throw new AppError('VALIDATION_FAILED', 'the current password is wrong', {
      errors: [{ path: 'currentPassword', message: 'is not your current password' }],
    });
  }
  await checkPasswordPolicy(
    input.newPassword,
    { email: user.email, displayName: user.display_name, practiceName: await practiceNameOf(ctx.db, ctx.organizationId) },
    'newPassword',
  );
  if (input.newPassword === input.currentPassword) {
    throw new AppError('VALIDATION_FAILED', 'the new password must differ', {
      errors: [{ path: 'newPassword', message: 'must differ from the current one' }],
    });
  }
  const hash = await hashPassword(input.newPassword);
  await inTransaction(ctx, async (tx) => {
    await tx.db
      .updateTable('users')
      .set({ password_hash: hash, password_changed_at: tx.clock.now() })
      .where('id', '=', actor.userId)
      .execute();
    const ended = await endUserSessions(tx.db, tx.clock, actor.userId, 'password changed', { except: actor.sessionId });
    await recordAudit(tx, {
      action: 'password_change',
      resourceType: 'user',
      resourceId: actor.userId,
      details: { otherSessionsEnded: ended },
    });
  });
}
