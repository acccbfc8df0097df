/**
 * The error half of the OpenAPI document, derived from what each route declares, so no
 * route lists its error answers by hand and a new route is documented the day it is added.
 *
 * Every error answer is `application/problem+json` with `components.schemas.Problem`
 * (plugins/errors.ts), narrowed per response to the codes that status can carry there:
 * - 400 VALIDATION_FAILED: any route (every query string is checked for control characters,
 *   plugins/text-guard.ts), besides its schemas, a malformed JSON body or a bad `x-location-id`;
 * - 401 UNAUTHENTICATED, SESSION_EXPIRED and (unless `allowMfaPending`) MFA_REQUIRED: any
 *   non-public route;
 * - 403 FORBIDDEN: a `permission` route; CSRF_REJECTED: a non-public route that changes state;
 * - 404 NOT_FOUND: an object named in the path, or an id (uuid) in the query or body;
 * - 412 VERSION_MISMATCH and 428 PRECONDITION_REQUIRED: `config.ifMatch` (the 412 may carry
 *   `current`, the record as the route's 200 answer shows it);
 * - 413 PAYLOAD_TOO_LARGE and 415 UNSUPPORTED_MEDIA_TYPE: a method with a body;
 * - 429 RATE_LIMITED: a route with `config.rateLimit` (@fastify/rate-limit);
 * - whatever `config.errors` lists (conflicts, rate limits...), under its status;
 * - `default`: 500 INTERNAL and 503 SERVICE_UNAVAILABLE (and any 5xx code listed).
 * A schema the route gives for an error status in `schema.response` is that problem's
 * extension members (e.g. duplicate `candidates`); one given with its own `content` map
 * is a deliberate non-problem body (the readiness probe) and is left alone.
 * A route without a success response gets 204 (DELETE) or 200, as the route answers.
 */
import { ERROR_CODES, type ErrorCode } from '@domain/shared/errors.ts';
import type { SwaggerTransform } from '@fastify/swagger';
import type { FastifyContextConfig } from 'fastify';
import { z } from 'zod';
import { PROBLEM_MEDIA_TYPE, problemSchema } from './errors.ts';

export const PROBLEM_SCHEMA_REF = '#/components/schemas/Problem';

type Json = Record<string, unknown>;

/** `components.schemas.Problem`. */
export function problemComponent(): Json {
  const { $schema: _draft, ...schema } = z.toJSONSchema(problemSchema, { target: 'draft-2020-12', io: 'output' }) as Json;
  const properties = schema.properties as Json;
  // zod bounds an int by Number.MAX_SAFE_INTEGER; an HTTP status needs no such noise.
  properties.status = { type: 'integer', description: (properties.status as Json).description };
  return schema;
}

const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface RouteFacts {
  methods: string[];
  config: FastifyContextConfig;
  /** The path has parameters, or the query or body names an object by id. */
  namesObject: boolean;
}

/** Every error code the route can answer with, grouped by HTTP status (in registry order). */
export function errorCodesOf(route: RouteFacts): Map<number, ErrorCode[]> {
  const { config } = route;
  const methods = route.methods.map((m) => m.toUpperCase());
  const takesBody = methods.some((m) => BODY_METHODS.has(m));
  const codes = new Set<ErrorCode>(['INTERNAL', 'SERVICE_UNAVAILABLE']);
  // Even a route that validates nothing refuses control characters in the query (plugins/text-guard.ts).
  codes.add('VALIDATION_FAILED');
  if (!config.public) {
    codes.add('UNAUTHENTICATED');
    codes.add('SESSION_EXPIRED');
    if (!config.allowMfaPending) codes.add('MFA_REQUIRED');
    if (methods.some((m) => !SAFE_METHODS.has(m))) codes.add('CSRF_REJECTED');
  }
  if (config.permission) codes.add('FORBIDDEN');
  if (route.namesObject) codes.add('NOT_FOUND');
  if (config.ifMatch) {
    codes.add('VERSION_MISMATCH');
    codes.add('PRECONDITION_REQUIRED');
  }
  if (takesBody) {
    codes.add('PAYLOAD_TOO_LARGE');
    codes.add('UNSUPPORTED_MEDIA_TYPE');
  }
  // @fastify/rate-limit on the route (the route guard gives it to unauthenticated API routes).
  if ((config as { rateLimit?: unknown }).rateLimit) codes.add('RATE_LIMITED');
  for (const code of config.errors ?? []) codes.add(code);
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of Object.keys(ERROR_CODES) as ErrorCode[]) {
    if (!codes.has(code)) continue;
    const { status } = ERROR_CODES[code];
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  return byStatus;
}

/** True when a JSON schema holds a uuid anywhere (an id the use case looks up). */
function namesAnId(schema: unknown): boolean {
  if (Array.isArray(schema)) return schema.some(namesAnId);
  if (schema === null || typeof schema !== 'object') return false;
  if ((schema as Json).format === 'uuid') return true;
  return Object.values(schema).some(namesAnId);
}

/** A response given as `{ description?, content: { <media type>: { schema } } }`. */
const hasOwnContent = (response: unknown): boolean =>
  typeof response === 'object' && response !== null && typeof (response as Json).content === 'object';

const RETRY_AFTER = { 'retry-after': { type: 'string', description: 'seconds to wait before trying again' } };

function problemResponse(codes: ErrorCode[], extensions: Json[], headers?: Json): Json {
  const narrowed: Json[] = codes.length
    ? [{ type: 'object', required: ['code'], properties: { code: { type: 'string', enum: codes } } }]
    : [];
  return {
    description: codes.map((c) => `${ERROR_CODES[c].title} (${c})`).join(', ') || 'Error',
    ...(headers ? { headers } : {}),
    content: { [PROBLEM_MEDIA_TYPE]: { schema: { allOf: [{ $ref: PROBLEM_SCHEMA_REF }, ...narrowed, ...extensions] } } },
  };
}

/** A declared error schema minus zod's open-object marker: the extension members it names. */
function extensionOf(declared: unknown): Json[] {
  if (declared === null || typeof declared !== 'object') return [];
  const { additionalProperties: _open, description: _d, ...rest } = declared as Json;
  return Object.keys(rest).length ? [rest] : [];
}

/**
 * Wraps the route-schema transform given to @fastify/swagger (zod to JSON Schema):
 * adds each route's error responses, its `If-Match` header and a success response when
 * the route declares none.
 */
export function documentErrors(base: SwaggerTransform): SwaggerTransform {
  return (input) => {
    const out = base(input);
    const schema = out.schema as Json | undefined;
    if (!schema || schema.hide) return out;
    const route = input.route;
    const config = (route.config ?? {}) as FastifyContextConfig;
    const methods = (Array.isArray(route.method) ? route.method : [route.method]).map((m) => String(m).toUpperCase());
    const response: Json = { ...((schema.response as Json | undefined) ?? {}) };
    const statuses = Object.keys(response);

    if (!statuses.some((s) => s.startsWith('2'))) {
      const produces = schema.produces as string[] | undefined;
      if (methods.includes('DELETE')) response['204'] = { type: 'null', description: 'Done; no body' };
      else if (produces?.length)
        response['200'] = {
          description: 'Default Response',
          content: Object.fromEntries(produces.map((p) => [p, { schema: { type: 'string', format: 'binary' } }])),
        };
      else response['200'] = { type: 'null', description: 'Default Response' };
    }

    const facts: RouteFacts = {
      methods,
      config,
      namesObject: /[:*]/.test(route.url) || namesAnId(schema.querystring) || namesAnId(schema.body),
    };
    const serverErrors: ErrorCode[] = [];
    for (const [status, codes] of errorCodesOf(facts)) {
      if (status >= 500) {
        serverErrors.push(...codes);
        continue;
      }
      const declared = response[String(status)];
      if (hasOwnContent(declared)) continue;
      const extensions = extensionOf(declared);
      if (status === 412 && response['200'] && !hasOwnContent(response['200'])) {
        extensions.push({
          type: 'object',
          properties: { current: { ...(response['200'] as Json), description: 'the record as it is now (VERSION_MISMATCH)' } },
        });
      }
      response[String(status)] = problemResponse(codes, extensions, status === 429 ? RETRY_AFTER : undefined);
    }
    response.default = problemResponse(serverErrors, [], RETRY_AFTER);
    // An error schema for a status none of the route's codes has: a problem, but with no codes
    // listed (tests/integration/openapi-contract.test.ts fails on it: add the code to config.errors).
    for (const status of statuses) {
      const declared = response[status];
      if (Number(status) >= 400 && !hasOwnContent(declared)) {
        response[status] = problemResponse([], extensionOf(declared));
      }
    }

    const result: Json = { ...schema, response };
    if (config.ifMatch) {
      const headers = (schema.headers as Json | undefined) ?? { type: 'object', properties: {} };
      result.headers = {
        ...headers,
        properties: {
          ...(headers.properties as Json),
          'if-match': {
            type: 'string',
            description: 'The ETag of the version you read, e.g. "3": 428 without it, 412 when the record has changed since',
          },
        },
      };
    }
    return { ...out, schema: result as typeof out.schema };
  };
}
