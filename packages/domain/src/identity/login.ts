/**
 * Password (and TOTP) sign-in. Unknown user, inactive user and wrong password
 * give the same answer (INVALID_CREDENTIALS) after the same argon2 work. Failures
 * count toward the per-account and per-IP throttle; past the limit the answer is
 * RATE_LIMITED with Retry-After and a 'lockout' audit row. Every outcome is
 * audited; failure records are committed on their own so the error does not roll
 * them back. Each sign-in makes a new session (a new id and token).
 */
import { ROLES, type Role } from '../access/index.ts';
import { type AuditEventInput, recordAudit } from '../audit/index.ts';
import { readSecuritySettings } from '../organizations/index.ts';
import { type Ctx, inTransaction } from '../shared/context.ts';
import { AppError } from '../shared/errors.ts';
import { clearLoginFailures, releaseLoginAttempt, reserveLoginAttempt } from './login-throttle.ts';
import { checkTotp, consumeRecoveryCode, consumeTotpStep, isTotpFormat } from './mfa.ts';
import { verifyPassword } from './passwords.ts';
import { createSession, type NewSession, needsMfa } from './sessions.ts';

/** Roles that must use MFA when the organization requires it: every role that can read patient data. */
export const MFA_REQUIRED_ROLES: readonly Role[] = ROLES.filter(needsMfa);

export interface LoginInput {
  email: string;
  password: string;
  totp?: string | undefined;
}

export interface LoginOptions {
  /** The installation forces the MFA requirement off (CLINICDESK_REQUIRE_MFA=0). */
  mfaPolicyOff?: boolean;
}

export interface LoginResult extends NewSession {
  userId: string;
  organizationId: string;
  /** The session may only enrol MFA until a code is confirmed. */
  mfaPending: boolean;
}

/** Write audit rows (and a failure count) in their own committed transaction. */
async function recordOutside(ctx: Ctx, fn: (tx: Ctx) => Promise<void>): Promise<void> {
  await ctx.baseDb.transaction().execute((trx) => fn({ ...ctx, db: trx }));
}

/** `ctx` here is an anonymous context: its organization is learnt from the account. */
export async function login(ctx: Ctx, input: LoginInput, opts: LoginOptions = {}): Promise<LoginResult> {
  const email = input.email.trim().toLowerCase();
  const user = await ctx.baseDb
    .selectFrom('users')
    .select(['id', 'organization_id', 'password_hash', 'active', 'mfa_enabled', 'mfa_secret', 'mfa_last_step'])
    .where('email', '=', email)
    .executeTakeFirst();
  const who = { userId: user?.id ?? null, organizationId: user?.organization_id ?? null };

  // Counted before the password is checked, atomically: simultaneous guesses cannot pass the limit.
  const reservation = await reserveLoginAttempt(ctx.baseDb, ctx.clock, email, ctx.ip);
  if (reservation.state) {
    const throttle = reservation.state;
    // A lockout is audited once, when it starts refusing; the refused attempts inside it are not.
    if (throttle.newLockout) {
      await recordOutside(ctx, (tx) =>
        recordAudit(tx, {
          action: 'lockout',
          resourceType: 'session',
          outcome: 'denied',
          ...who,
          details: { scope: throttle.scope, retryAfterSeconds: throttle.retryAfterSeconds },
        }),
      );
    }
    const message =
      throttle.scope === 'ip_delay'
        ? 'many failed sign-ins from this network; wait a moment and try again'
        : 'too many failed sign-ins; try again later or ask an administrator to unlock the account';
    throw new AppError('RATE_LIMITED', message, { headers: { 'retry-after': String(throttle.retryAfterSeconds) } });
  }
  const attemptId = reservation.attemptId;

  // The failure row was written with the reservation; only the audit row remains.
  const fail = async (code: 'INVALID_CREDENTIALS' | 'MFA_REQUIRED', event: AuditEventInput, message?: string): Promise<never> => {
    await recordOutside(ctx, (tx) => recordAudit(tx, { ...who, ...event, outcome: 'denied' }));
    throw new AppError(code, message);
  };

  const ok = await verifyPassword(user?.active ? user.password_hash : null, input.password);
  if (!user || !ok) {
    return fail('INVALID_CREDENTIALS', { action: 'login', resourceType: 'session', details: { reason: 'invalid credentials' } });
  }

  if (user.mfa_enabled && !input.totp) {
    // The password was right; the client asks for the second factor. Not a failure, but audited.
    await releaseLoginAttempt(ctx.baseDb, attemptId);
    await recordOutside(ctx, (tx) =>
      recordAudit(tx, { ...who, action: 'login', resourceType: 'session', outcome: 'denied', details: { reason: 'code required' } }),
    );
    throw new AppError('MFA_REQUIRED', 'enter the code from your authenticator app or a recovery code');
  }

  return inTransaction(ctx, async (tx) => {
    let mfaMethod: 'totp' | 'recovery_code' | null = null;
    let recoveryLeft: number | null = null;
    if (user.mfa_enabled && user.mfa_secret) {
      if (isTotpFormat(input.totp ?? '')) {
        const step = await checkTotp(user.mfa_secret, input.totp ?? '', tx.clock, user.mfa_last_step);
        if (step === null || !(await consumeTotpStep(tx.db, user.id, step))) {
          return fail(
            'MFA_REQUIRED',
            { action: 'mfa_verify', resourceType: 'user', resourceId: user.id, details: { method: 'totp' } },
            'the code is wrong, expired or already used',
          );
        }
        mfaMethod = 'totp';
      } else {
        recoveryLeft = await consumeRecoveryCode(tx.db, tx.clock, user.id, input.totp ?? '');
        if (recoveryLeft === null) {
          return fail(
            'MFA_REQUIRED',
            { action: 'mfa_verify', resourceType: 'user', resourceId: user.id, details: { method: 'recovery_code' } },
            'the recovery code is wrong or already used',
          );
        }
        mfaMethod = 'recovery_code';
      }
    }
    const settings = await readSecuritySettings(tx.db, user.organization_id);
    let mfaPending = false;
    if (!user.mfa_enabled && settings.requireMfa && !opts.mfaPolicyOff) {
      const roles = await tx.db.selectFrom('user_roles').select('role').where('user_id', '=', user.id).execute();
      mfaPending = roles.some((r) => MFA_REQUIRED_ROLES.includes(r.role));
    }
    const session = await createSession(tx.db, tx.clock, {
      userId: user.id,
      organizationId: user.organization_id,
      idleSeconds: settings.idleTimeoutSeconds,
      mfaPending,
      ip: tx.ip,
      userAgent: tx.userAgent,
    });
    await clearLoginFailures(tx.db, email);
    if (mfaMethod) {
      await recordAudit(tx, {
        ...who,
        action: 'mfa_verify',
        resourceType: 'user',
        resourceId: user.id,
        details: { method: mfaMethod, ...(recoveryLeft !== null ? { recoveryCodesLeft: recoveryLeft } : {}) },
      });
    }
    await recordAudit(tx, {
      ...who,
      action: 'login',
      resourceType: 'session',
      resourceId: session.id,
      details: mfaPending ? { mfaPending: true } : null,
    });
    return { ...session, userId: user.id, organizationId: user.organization_id, mfaPending };
  });
}
