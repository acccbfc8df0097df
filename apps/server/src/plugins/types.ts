import type { Permission } from '@domain/access/permissions.ts';
import type { Ctx } from '@domain/shared/context.ts';
import type { ErrorCode } from '@domain/shared/errors.ts';
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
    /**
     * Error codes the route's use case can raise beyond those its declaration implies
     * (conflicts, rate limits...): each is documented under its status in the OpenAPI
     * document (plugins/openapi-errors.ts). Codes implied by the declaration need no listing:
     * 400 for any input, 401/403 for a session or permission, 404 for an object named in the
     * path, query or body, 412/428 for `ifMatch`, 413/415 for a body.
     */
    errors?: ErrorCode[];
    /** Updates need `If-Match` (plugins/etag.ts `requireIfMatch`): documents the header, 412 and 428. */
    ifMatch?: boolean;
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
