/**
 * The one place that maps errors to HTTP: RFC 9457 application/problem+json with
 * type, title, status, detail, code, and for validation errors [{ path, message }].
 */
import { type DbUnavailable, poolState, whyUnavailable } from '@db/index.ts';
import { AppError, ERROR_CODES, type ErrorCode, type FieldError } from '@domain/shared/errors.ts';
import { plainIssueMessage, plainValidationDetail, UNKNOWN_FIELD } from '@domain/shared/plain-messages.ts';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type pg from 'pg';
import { z } from 'zod';

export const PROBLEM_BASE = 'https://clinicdesk.dev/problems/';
export const PROBLEM_MEDIA_TYPE = 'application/problem+json';

const ERROR_CODE_NAMES = Object.keys(ERROR_CODES) as [ErrorCode, ...ErrorCode[]];

/**
 * The body of every error answer, as `problem()` writes it; the OpenAPI document's
 * `components.schemas.Problem`. Members beyond these are RFC 9457 extension members,
 * documented on the responses that carry them (e.g. `candidates` on a 409, `current` on a 412).
 */
export const problemSchema = z
  .looseObject({
    type: z.string().describe(`${PROBLEM_BASE}<code in lower case, words joined by '-'>`),
    title: z.string().describe("the code's fixed title"),
    status: z.number().int().describe('the HTTP status'),
    detail: z.string().describe('what went wrong in this request, in plain English for people (match on `code`, never on this)'),
    code: z.enum(ERROR_CODE_NAMES).describe('the stable error code clients match on'),
    instance: z.string().describe('the request path'),
    requestId: z.string().describe('the x-request-id of the request, for the logs'),
    errors: z
      .array(
        z.object({
          path: z.string().describe("dotted field path ('address.postalCode', 'querystring.limit'): the stable part, match on it"),
          message: z.string().describe('what is wrong with the field, as a sentence for people ("Must be at least 3 characters.")'),
        }),
      )
      .optional()
      .describe('VALIDATION_FAILED: one entry per field'),
  })
  .describe('An error answer (RFC 9457 problem details, application/problem+json)');

export function problem(
  reply: FastifyReply,
  request: FastifyRequest,
  code: ErrorCode,
  detail: string,
  extra: { errors?: FieldError[] | undefined; [k: string]: unknown } = {},
) {
  const { status, title } = ERROR_CODES[code];
  // The problem's own members come last: an error's extra members never replace them (an
  // appointment's `status` once did, making the answer's `status` a string).
  const body: Record<string, unknown> = {
    ...extra,
    type: `${PROBLEM_BASE}${code.toLowerCase().replaceAll('_', '-')}`,
    title,
    status,
    detail,
    code,
    instance: request.url.split('?')[0],
    requestId: request.id,
  };
  if (!body.errors) delete body.errors;
  return reply.code(status).type(PROBLEM_MEDIA_TYPE).send(body);
}

/** A dotted field path ('address.postalCode', 'querystring.limit') from a zod issue as fastify reports it. */
function fieldPath(instancePath: string | undefined, part: string | undefined): string {
  const segs = (instancePath ?? '').split('/').filter(Boolean);
  return [part && part !== 'body' ? part : '', ...segs].filter(Boolean).join('.');
}

/** 503 answers since start, by why the database could not serve (GET /readyz shows them). */
export type UnavailableCounts = Record<DbUnavailable, number>;

export function unavailableCounts(): UnavailableCounts {
  return { pool_exhausted: 0, database_down: 0, database_busy: 0, statement_timeout: 0 };
}

/** Each cause in the answer's words, the log's, and the seconds to wait before trying again. */
const UNAVAILABLE: Record<DbUnavailable, { detail: string; log: string; retryAfter: string }> = {
  pool_exhausted: {
    detail: 'the server is busy: every database connection is in use; try again shortly',
    log: 'database pool exhausted: no connection came free in time',
    retryAfter: '2',
  },
  database_down: {
    detail: 'the database is unavailable; try again shortly',
    log: 'database unavailable',
    retryAfter: '5',
  },
  database_busy: {
    detail: 'the database accepts no more connections; try again shortly',
    log: 'database refuses connections: too many clients',
    retryAfter: '5',
  },
  statement_timeout: {
    detail: 'the request ran past its time limit and was stopped; try again shortly',
    log: 'statement cancelled by statement_timeout',
    retryAfter: '2',
  },
};

/**
 * Errors Fastify's router raises before any route or hook runs (a malformed percent-encoding,
 * a path segment over the router's length limit): the same problem+json as every other error
 * (`frameworkErrors` in app.ts, which sets the headers of a JSON answer first: no hook runs
 * for these), not Fastify's own JSON.
 */
export function frameworkErrorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (error.code === 'FST_ERR_BAD_URL' || error.code === 'FST_ERR_MAX_PARAM_LENGTH') {
    const message = error.code === 'FST_ERR_BAD_URL' ? 'the URL is not validly percent-encoded' : 'a path segment is too long';
    return problem(reply, request, 'VALIDATION_FAILED', message, { errors: [{ path: 'url', message }] });
  }
  request.log.error({ err: error }, 'router error');
  return problem(reply, request, 'INTERNAL', 'an unexpected error occurred; it has been logged');
}

export function registerErrorHandling(app: FastifyInstance, deps: { pool: pg.Pool; counts: UnavailableCounts }): void {
  app.setNotFoundHandler((request, reply) =>
    problem(reply, request, 'NOT_FOUND', `no route for ${request.method} ${request.url.split('?')[0]}`),
  );

  app.setErrorHandler((err: FastifyError | AppError | Error, request, reply) => {
    if (err instanceof AppError) {
      for (const [k, v] of Object.entries(err.headers ?? {})) reply.header(k, v);
      return problem(reply, request, err.code, err.message, { errors: err.errors, ...err.extra });
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const part = (err as FastifyError).validationContext;
      const all = err.validation.flatMap((v) => {
        const path = fieldPath(v.instancePath, part);
        const params = v.params as Record<string, unknown> & { keys?: string[] };
        // Unknown fields: name each field itself, not its parent object.
        if (v.keyword === 'unrecognized_keys' && params.keys?.length) {
          return params.keys.map((k) => ({ path: [path, k].filter(Boolean).join('.'), message: UNKNOWN_FIELD }));
        }
        return [{ path, message: plainIssueMessage({ ...params, code: v.keyword, message: v.message }) }];
      });
      // One message per field, the first (a date that is not YYYY-MM-DD is not also "not a real date").
      const errors = all.filter((e, i) => all.findIndex((o) => o.path === e.path) === i);
      return problem(reply, request, 'VALIDATION_FAILED', plainValidationDetail(part, errors.length), { errors });
    }
    const fe = err as FastifyError;
    if (fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return problem(reply, request, 'PAYLOAD_TOO_LARGE', fe.message);
    if (fe.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return problem(reply, request, 'UNSUPPORTED_MEDIA_TYPE', fe.message);
    if (fe.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || fe.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || err instanceof SyntaxError) {
      const message = 'The request body is not valid JSON.';
      return problem(reply, request, 'VALIDATION_FAILED', message, { errors: [{ path: '', message }] });
    }
    if (fe.statusCode === 429) return problem(reply, request, 'RATE_LIMITED', fe.message);
    const unavailable = whyUnavailable(err);
    if (unavailable) {
      const { detail, log, retryAfter } = UNAVAILABLE[unavailable];
      deps.counts[unavailable]++;
      request.log.warn({ err, reason: unavailable, pool: poolState(deps.pool) }, log);
      reply.header('retry-after', retryAfter);
      return problem(reply, request, 'SERVICE_UNAVAILABLE', detail);
    }
    if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
      return problem(reply, request, 'VALIDATION_FAILED', fe.message);
    }
    request.log.error({ err }, 'unhandled error');
    return problem(reply, request, 'INTERNAL', 'an unexpected error occurred; it has been logged');
  });
}
