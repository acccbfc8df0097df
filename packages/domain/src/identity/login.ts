/**
 * Password login. Unknown user, inactive user and wrong password give the same
 * answer (INVALID_CREDENTIALS) after the same argon2 work. Every outcome is audited.
 */
import { recordAudit } from '../audit/record-audit.ts';
import type { Ctx } from '../shared/context.ts';
import { AppError } from '../shared/errors.ts';
import { verifyPassword } from './passwords.ts';
import { createSession, type NewSession } from './sessions.ts';

export interface LoginInput {
  email: string;
  password: string;
  totp?: string | undefined;
}

export interface LoginResult extends NewSession {
  userId: string;
  organizationId: string;
}

/** `ctx` here is an anonymous context: its organization is learnt from the account. */
export async function login(ctx: Ctx, input: LoginInput): Promise<LoginResult> {
  const email = input.email.trim().toLowerCase();
  const user = await ctx.db
    .selectFrom('users')
    .select(['id', 'organization_id', 'password_hash', 'active'])
    .where('email', '=', email)
    .executeTakeFirst();
  const ok = await verifyPassword(user?.active ? user.password_hash : null, input.password);
  if (!user || !ok) {
    await recordAudit(ctx, {
      action: 'login',
      resourceType: 'session',
      outcome: 'denied',
      userId: user?.id ?? null,
      organizationId: user?.organization_id ?? null,
      details: { reason: 'invalid credentials' },
    });
    throw new AppError('INVALID_CREDENTIALS');
  }
  const org = await ctx.db.selectFrom('organizations').select('settings').where('id', '=', user.organization_id).executeTakeFirstOrThrow();
  const idle = Number(org.settings.idle_timeout_seconds ?? 0) || undefined;
  const session = await createSession(ctx.db, ctx.clock, {
    userId: user.id,
    organizationId: user.organization_id,
    idleSeconds: idle,
    ip: ctx.ip,
    userAgent: ctx.userAgent,
  });
  await recordAudit(ctx, {
    action: 'login',
    resourceType: 'session',
    resourceId: session.id,
    userId: user.id,
    organizationId: user.organization_id,
  });
  return { ...session, userId: user.id, organizationId: user.organization_id };
}
