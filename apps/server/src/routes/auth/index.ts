import { recordAudit } from '@domain/audit/record-audit.ts';
import { endSession, login } from '@domain/identity/index.ts';
import { requireUser, inTransaction } from '@domain/shared/context.ts';
import { getMe } from '@domain/identity/get-me.ts';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { SECURE_SESSION_COOKIE, SESSION_COOKIE } from '../../plugins/auth.ts';
import type { App } from '../../plugins/types.ts';
import { loginBodySchema, loginResponseSchema, meResponseSchema } from './schemas.ts';

function setSessionCookie(reply: FastifyReply, secure: boolean, token: string | null) {
  const name = secure ? SECURE_SESSION_COOKIE : SESSION_COOKIE;
  const opts = { path: '/', httpOnly: true, sameSite: 'strict' as const, secure };
  if (token === null) reply.clearCookie(name, opts);
  else reply.setCookie(name, token, opts);
}

export default async function authRoutes(app: App) {
  app.post(
    '/api/auth/login',
    {
      config: { public: true },
      schema: {
        tags: ['auth'],
        summary: 'Sign in with email, password and (when enrolled) a TOTP code',
        body: loginBodySchema,
        response: { 200: loginResponseSchema },
      },
    },
    async (request, reply) => {
      const result = await inTransaction(request.ctx, (tx) => login(tx, request.body));
      setSessionCookie(reply, app.services.secureCookies, result.token);
      const me = await getMe({ ...request.ctx, organizationId: result.organizationId }, result.userId, null);
      return { user: me.user, token: result.token, expiresAt: result.expiresAt.toISOString() };
    },
  );

  app.post(
    '/api/auth/logout',
    {
      config: { authenticated: true },
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
      config: { authenticated: true },
      schema: { tags: ['auth'], summary: 'The signed-in user, roles and permissions', response: { 200: meResponseSchema } },
    },
    async (request) => {
      const actor = requireUser(request.ctx);
      const session = (request as unknown as { session?: { expiresAt: Date } }).session;
      const me = await inTransaction(request.ctx, async (tx) => {
        const result = await getMe(tx, actor.userId, tx.locationId);
        await recordAudit(tx, { action: 'read', resourceType: 'user', resourceId: actor.userId });
        return result;
      });
      return {
        ...me,
        locationId: request.ctx.locationId,
        session: { id: actor.sessionId, expiresAt: session?.expiresAt.toISOString() ?? null },
      };
    },
  );
}
