import { recordAudit } from '../audit/index.ts';
import { type Ctx, inTransaction, requireUser } from '../shared/context.ts';
import { AppError } from '../shared/errors.ts';
import { checkTotp, consumeTotpStep, issueRecoveryCodes } from './mfa.ts';
import { sessionsChanged } from './session-cache.ts';

/**
 * Confirm enrolment with a code from the authenticator: MFA turns on, the
 * current session is no longer MFA-pending, and ten recovery codes are returned
 * (this is the only time they are shown).
 */
export async function activateMfa(ctx: Ctx, input: { code: string }): Promise<{ recoveryCodes: string[] }> {
  const actor = requireUser(ctx);
  return inTransaction(ctx, async (tx) => {
    const user = await tx.db
      .selectFrom('users')
      .select(['mfa_secret', 'mfa_enabled', 'mfa_last_step'])
      .where('id', '=', actor.userId)
      .forUpdate()
      .executeTakeFirstOrThrow();
    if (user.mfa_enabled) throw new AppError('CONFLICT', 'MFA is already on');
    if (!user.mfa_secret) throw new AppError('CONFLICT', 'start enrolment first');
    const step = await checkTotp(user.mfa_secret, input.code, tx.clock, user.mfa_last_step);
    if (step === null || !(await consumeTotpStep(tx.db, actor.userId, step))) {
      // Committed on its own: the error rolls this transaction back.
      await ctx.baseDb
        .transaction()
        .execute((trx) =>
          recordAudit({ ...ctx, db: trx }, { action: 'mfa_activate', resourceType: 'user', resourceId: actor.userId, outcome: 'denied' }),
        );
      throw new AppError('VALIDATION_FAILED', 'the code is wrong or expired', { errors: [{ path: 'code', message: 'wrong or expired' }] });
    }
    // The user's sessions stop being MFA-pending on their next request.
    sessionsChanged({ userId: actor.userId });
    await tx.db.updateTable('users').set({ mfa_enabled: true }).where('id', '=', actor.userId).execute();
    const recoveryCodes = await issueRecoveryCodes(tx.db, actor.userId);
    if (actor.sessionId) await tx.db.updateTable('sessions').set({ mfa_pending: false }).where('id', '=', actor.sessionId).execute();
    await recordAudit(tx, {
      action: 'mfa_activate',
      resourceType: 'user',
      resourceId: actor.userId,
      details: { recoveryCodes: recoveryCodes.length },
    });
    return { recoveryCodes };
  });
}
