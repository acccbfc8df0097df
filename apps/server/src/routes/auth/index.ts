import { recordAudit } from '@domain/audit/record-audit.ts';
import {
  acceptInvite,
  acceptInviteBodySchema,
  endSession,
  endSessionByToken,
  getMe,
  login,
  type ResolvedSession,
} from '@domain/identity/index.ts';
import { inTransaction, requireUser } from '@domain/shared/context.ts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { SECURE_SESSION_COOKIE, SESSION_COOKIE } from '../../plugins/auth.ts';
import type { App } from '../../plugins/types.ts';
import { loginBodySchema, loginResponseSchema, meResponseSchema, sessionStatusSchema } from './schemas.ts';

function setSessionCookie(reply: FastifyReply, secure: boolean, token: string | null) {
  const name = secure ? SECURE_SESSION_COOKIE : SESSION_COOKIE;
  const opts = { path: '/', httpOnly: true, sameSite: 'strict' as const, secure };
  if (token === null) reply.clearCookie(name, opts);
  else reply.setCookie(name, token, opts);
}

function cookieToken(request: FastifyRequest, secure: boolean): string | undefined {
  const cookies = (request as unknown as { cookies?: Record<string, string | undefined> }).cookies ?? {};
  return secure ? cookies[SECURE_SESSION_COOKIE] : cookies[SESSION_COOKIE];
}

function currentSession(request: FastifyRequest): ResolvedSession | undefined {
  return (request as unknown as { session?: ResolvedSession }).session;
}

/** CLINICDESK_REQUIRE_MFA=0 (development and tests only) forces the organization's MFA requirement off. */
export function mfaForcedOff(app: App): boolean {
  return !app.services.config.requireMfa;
}

export default async function authRoutes(app: App) {
  app.post(
    '/api/auth/login',
    {
      config: { public: true, errors: ['INVALID_CREDENTIALS', 'MFA_REQUIRED', 'RATE_LIMITED'] },
      schema: {
        tags: ['auth'],
        summary: 'Sign in with email, password and (when enrolled) a TOTP code or a recovery code',
        description:
          'Unknown user and wrong password answer the same 401. Ten failures per account or per IP within 15 minutes answer 429 with Retry-After. ' +
          'With MFA on and no `totp`, the answer is 401 MFA_REQUIRED: ask for the code and send again.',
        body: loginBodySchema,
        response: { 200: loginResponseSchema },
      },
    },
    async (request, reply) => {
      const result = await login(request.ctx, request.body, { mfaPolicyOff: mfaForcedOff(app) });
      // A session the browser still held does not outlive the new sign-in.
      const previous = cookieToken(request, app.services.secureCookies);
      if (previous) await endSessionByToken(request.ctx.db, request.ctx.clock, previous, 'replaced by new sign-in');
      setSessionCookie(reply, app.services.secureCookies, result.token);
      const me = await getMe({ ...request.ctx, organizationId: result.organizationId }, result.userId, null);
      return { user: me.user, token: result.token, expiresAt: result.expiresAt.toISOString(), mfaPending: result.mfaPending };
    },
  );

  app.post(
    '/api/auth/accept-invite',
    {
      config: { public: true },
      schema: {
        tags: ['auth'],
        summary: 'Choose a password with a one-time invitation token',
        body: acceptInviteBodySchema,
        response: { 200: z.object({ email: z.string() }) },
      },
    },
    async (request) => acceptInvite(request.ctx, request.body),
  );

  app.post(
    '/api/auth/logout',
    {
      config: { authenticated: true, allowMfaPending: true },
      schema: { tags: ['auth'], summary: 'End this session on the server', response: { 204: z.null() } },
    },
    async (request, reply) => {
      const actor = requireUser(request.ctx);
      await inTransaction(request.ctx, async (tx) => {
        if (actor.sessionId) await endSession(tx.db, tx.clock, actor.sessionId, 'logout');
        await recordAudit(tx, { action: 'logout', resourceType: 'session', resourceId: actor.sessionId });
      });
      setSessionCookie(reply, app.services.secureCookies, null);
      // Tell the browser to drop anything it kept for this origin (HIPAA: no PHI left behind).
      reply.header('clear-site-data', '"cache", "storage"');
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/me',
    {
      config: { authenticated: true, allowMfaPending: true },
      schema: { tags: ['auth'], summary: 'The signed-in user, roles and permissions', response: { 200: meResponseSchema } },
    },
    async (request) => {
      const actor = requireUser(request.ctx);
      const session = currentSession(request);
      // One's own account is not audited: the shell reads it on every page, and the trail would
      // fill with rows that say nothing (issue 11). Reading someone else's account is (getUser).
      const me = await getMe(request.ctx, actor.userId, request.ctx.locationId);
      return {
        ...me,
        locationId: request.ctx.locationId,
        session: { id: actor.sessionId, expiresAt: session?.expiresAt.toISOString() ?? null, mfaPending: session?.mfaPending ?? false },
        payments: { cardGateway: app.services.config.cardGateway !== undefined },
      };
    },
  );

  app.get(
    '/api/me/session',
    {
      // Polled by the web UI for its "you will be signed out" warning: must not keep the session alive.
      config: { authenticated: true, allowMfaPending: true, passive: true },
      schema: {
        tags: ['auth'],
        summary: 'When this session ends if nothing else happens (polling this does not extend it)',
        response: { 200: sessionStatusSchema },
      },
    },
    async (request) => {
      const session = currentSession(request);
      if (!session) throw new Error('session missing on an authenticated route');
      return { id: session.sessionId, expiresAt: session.expiresAt.toISOString(), mfaPending: session.mfaPending };
    },
  );
}
