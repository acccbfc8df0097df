/**
 * A signed-in user proves it is still them before an act that carries their name (signing a
 * note): their password, or a code from their authenticator. A wrong answer counts toward
 * the account's sign-in lockout exactly like a failed sign-in (login-throttle.ts: counted
 * before it is checked, so simultaneous guesses cannot pass the limit), and is audited
 * outside the caller's transaction so the refusal's rollback keeps it.
 */
import { recordAudit } from '../audit/index.ts';
import { type Ctx, requireUser } from '../shared/context.ts';
import { AppError } from '../shared/errors.ts';
import { releaseLoginAttempt, reserveLoginAttempt } from './login-throttle.ts';
import { checkTotp, consumeTotpStep, isTotpFormat } from './mfa.ts';
import { verifyPassword } from './passwords.ts';

export type IdentityProof = { password: string } | { totp: string };

/** What was confirmed: the method, for the caller's audit row. */
export interface ConfirmedIdentity {
  userId: string;
  method: 'password' | 'totp';
}

/** Throws INVALID_CREDENTIALS (401) on a wrong password or code, RATE_LIMITED (429) while the account is locked. */
export async function confirmIdentity(ctx: Ctx, proof: IdentityProof, purpose: 'sign encounter'): Promise<ConfirmedIdentity> {
  const actor = requireUser(ctx);
  const method = 'password' in proof ? 'password' : 'totp';
  const user = await ctx.baseDb
    .selectFrom('users')
    .select(['id', 'email', 'password_hash', 'active', 'mfa_enabled', 'mfa_secret', 'mfa_last_step'])
    .where('id', '=', actor.userId)
    .where('organization_id', '=', ctx.organizationId)
    .executeTakeFirst();
  if (!user?.active) throw new AppError('UNAUTHENTICATED');
  const reservation = await reserveLoginAttempt(ctx.baseDb, ctx.clock, user.email, ctx.ip);
  if (reservation.state) {
    throw new AppError('RATE_LIMITED', 'too many wrong passwords or codes; try again later or ask an administrator to unlock the account', {
      headers: { 'retry-after': String(reservation.state.retryAfterSeconds) },
    });
  }
  let ok = false;
  if ('password' in proof) {
    ok = await verifyPassword(user.password_hash, proof.password);
  } else if (user.mfa_enabled && user.mfa_secret && isTotpFormat(proof.totp)) {
    const step = await checkTotp(user.mfa_secret, proof.totp, ctx.clock, user.mfa_last_step);
    ok = step !== null && (await consumeTotpStep(ctx.baseDb, user.id, step));
  }
  await ctx.baseDb.transaction().execute(async (trx) => {
    // A right answer is not a failure: its reservation goes (the account's earlier failures stay).
    if (ok) await releaseLoginAttempt(trx, reservation.attemptId);
    await recordAudit(
      { ...ctx, db: trx },
      {
        action: 'verify',
        resourceType: 'user',
        resourceId: user.id,
        outcome: ok ? 'success' : 'denied',
        details: { method, purpose },
      },
    );
  });
  if (!ok) {
    const message =
      method === 'password'
        ? 'the password is wrong'
        : user.mfa_enabled
          ? 'the code is wrong, expired or already used'
          : 'no authenticator app is set up for this account; use your password';
    throw new AppError('INVALID_CREDENTIALS', message, { errors: [{ path: method, message }] });
  }
  return { userId: user.id, method };
}
