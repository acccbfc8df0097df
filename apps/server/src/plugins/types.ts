import type { Permission } from '@domain/access/permissions.ts';
import type { Ctx } from '@domain/shared/context.ts';
import type { FastifyBaseLogger, FastifyInstance, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The permission this route needs. Every route declares this or `public: true`. */
    permission?: Permission;
    /** No session needed (health checks, login, signed links). */
    public?: boolean;
    /** Authenticated, but no particular permission (e.g. GET /api/me, logout). */
    authenticated?: boolean;
    /** Polling and live feeds: the request does not slide the session's idle window. */
    passive?: boolean;
    /**
     * An `authenticated` route a session that still owes MFA enrolment may reach
     * (/api/me, /api/me/mfa/*, logout). Every other route refuses it with MFA_REQUIRED.
     */
    allowMfaPending?: boolean;
  }
  interface FastifyRequest {
    ctx: Ctx;
  }
}

/** The Fastify instance with zod types, as every route module receives it. */
export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;
