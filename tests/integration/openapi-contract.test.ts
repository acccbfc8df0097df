/**
 * The OpenAPI document as a contract for error answers, generated from the route registry
 * and the served document (routes other modules add later are covered without editing this file):
 * - every error response is documented as application/problem+json with the shared Problem
 *   schema, narrowed to the codes its status can carry, and `default` covers 5xx;
 * - every documented operation is called a couple of dozen error-prone ways: no session; a
 *   broken, unknown, expired or MFA-pending session; a cookie without the CSRF marker; a role
 *   without the permission; bodies empty, with an unknown field, generated with random ids,
 *   malformed, of the wrong type or too large; a stale or broken If-Match; foreign, random,
 *   malformed and over-long ids; a malformed percent-encoding; an unknown query parameter or
 *   a control character in one; an unknown x-location-id. Each answer's status must be one
 *   the operation documents, an error answer's media type the documented one, and its problem
 *   `code` one listed for that status.
 * Requests go over real HTTP with a fresh session and fresh objects per request.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { ROLE_PERMISSIONS, ROLES, type Permission, type Role } from '@domain/access/permissions.ts';
import { createSession } from '@domain/identity/sessions.ts';
import { ERROR_CODES, type ErrorCode } from '@domain/shared/errors.ts';
import { PROBLEM_MEDIA_TYPE } from '@server/plugins/errors.ts';
import type { RegisteredRoute } from '@server/plugins/route-guard.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestOrg } from '../helpers/factories.ts';
import {
  contractViolation,
  documentedCodes,
  type Json,
  type OpenApiDoc,
  type Operation,
  operationOf,
  refersToProblem,
  sampleBody,
  sampleOf,
} from '../helpers/openapi-contract.ts';
import { routeFixtures, temporaryDataDir } from '../helpers/route-fixtures.ts';
import { createTestApp } from '../helpers/test-app.ts';

temporaryDataDir(); // before the app is built: it reads DATA_DIR
const t = await createTestApp();
const fixtures = routeFixtures(t);
let own: TestOrg;
let other: TestOrg;
let base = '';
let doc: OpenApiDoc;

beforeAll(async () => {
  own = await t.newOrg();
  other = await t.newOrg();
  base = await t.app.listen({ port: 0, host: '127.0.0.1' });
  const res = await fetch(`${base}/api/openapi.json`);
  expect(res.status).toBe(200);
  doc = (await res.json()) as OpenApiDoc;
});
afterAll(async () => {
  await t.app.close();
});

const BODY_METHODS = ['POST', 'PUT', 'PATCH', 'DELETE'];
/** The one error answer that is not a problem on purpose: the readiness probe's own body. */
const NOT_PROBLEMS = new Set(['get /readyz 503']);

const documented = () =>
  t.routes.flatMap((route) => {
    const op = operationOf(doc, route.method, route.url);
    return op ? [{ route, op }] : [];
  });

const holds = (role: Role, route: RegisteredRoute) =>
  route.authenticated === true || (route.permission !== undefined && ROLE_PERMISSIONS[role].includes(route.permission as Permission));

describe('the OpenAPI document', () => {
  it('documents the routes of the registry (all but the hidden ones)', () => {
    const ops = documented();
    expect(ops.length).toBeGreaterThan(80);
    const count = Object.values(doc.paths).reduce((n, methods) => n + Object.keys(methods).length, 0);
    expect(count).toBe(ops.length);
  });

  it('registers the shared Problem schema once, as a component', () => {
    const problem = doc.components.schemas.Problem as Json;
    expect(problem).toBeDefined();
    expect(problem.required).toEqual(expect.arrayContaining(['type', 'title', 'status', 'detail', 'code', 'instance', 'requestId']));
    const props = problem.properties as Record<string, Json>;
    expect(Object.keys(props)).toEqual(expect.arrayContaining(['errors']));
    expect((props.code as Json).enum).toEqual(Object.keys(ERROR_CODES));
    expect(((props.errors as Json).items as Json).required).toEqual(['path', 'message']);
  });

  it('documents every error answer as application/problem+json with the Problem schema and the codes of its status', () => {
    const failures: string[] = [];
    for (const [path, methods] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(methods)) {
        const where = `${method.toUpperCase()} ${path}`;
        if (!op.responses.default) failures.push(`${where}: no default response`);
        for (const [status, response] of Object.entries(op.responses)) {
          if (status !== 'default' && Number(status) < 400) continue;
          if (NOT_PROBLEMS.has(`${method} ${path} ${status}`)) continue;
          const media = Object.keys(response.content ?? {});
          if (media.join() !== PROBLEM_MEDIA_TYPE) failures.push(`${where} ${status}: documented as ${media.join(', ') || 'no body'}`);
          if (!refersToProblem(response.content?.[PROBLEM_MEDIA_TYPE]?.schema))
            failures.push(`${where} ${status}: schema does not build on the Problem`);
          const codes = documentedCodes(response);
          if (!codes?.length) failures.push(`${where} ${status}: no problem codes listed`);
          for (const code of codes ?? []) {
            const actual = ERROR_CODES[code as ErrorCode]?.status;
            const fits = status === 'default' ? actual >= 500 : actual === Number(status);
            if (!fits) failures.push(`${where} ${status}: lists ${code} (${actual})`);
          }
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it('documents what each route declaration implies, and a success answer', () => {
    const failures: string[] = [];
    for (const { route, op } of documented()) {
      const where = `${route.method} ${route.url}`;
      const codes = (status: number) => documentedCodes(op.responses[String(status)]) ?? [];
      const expectCode = (status: number, code: ErrorCode) => {
        if (!codes(status).includes(code)) failures.push(`${where}: ${status} ${code} not documented`);
      };
      if (!Object.keys(op.responses).some((s) => s.startsWith('2'))) failures.push(`${where}: no success response`);
      if (route.method === 'DELETE' && op.responses['200'] && !op.responses['200'].content)
        failures.push(`${where}: a DELETE documents an empty 200`);
      if (!route.public) {
        expectCode(401, 'UNAUTHENTICATED');
        expectCode(401, 'SESSION_EXPIRED');
        expectCode(400, 'VALIDATION_FAILED'); // a bad x-location-id
      }
      if (route.permission) expectCode(403, 'FORBIDDEN');
      if (!route.public && route.method !== 'GET') expectCode(403, 'CSRF_REJECTED');
      if (route.url.includes('/:')) expectCode(404, 'NOT_FOUND');
      if (BODY_METHODS.includes(route.method)) {
        expectCode(400, 'VALIDATION_FAILED');
        expectCode(413, 'PAYLOAD_TOO_LARGE');
        expectCode(415, 'UNSUPPORTED_MEDIA_TYPE');
      }
      if (route.ifMatch) {
        expectCode(412, 'VERSION_MISMATCH');
        expectCode(428, 'PRECONDITION_REQUIRED');
        if (!op.parameters?.some((p) => p.in === 'header' && p.name === 'if-match')) failures.push(`${where}: If-Match not documented`);
      }
      for (const code of route.errors ?? []) {
        const { status } = ERROR_CODES[code];
        if (status < 500) expectCode(status, code);
      }
    }
    expect(failures).toEqual([]);
  });

  it("keeps POST /api/patients' duplicate candidates, as problem extension members", () => {
    const conflict = operationOf(doc, 'POST', '/api/patients')?.responses['409'];
    expect(Object.keys(conflict?.content ?? {})).toEqual([PROBLEM_MEDIA_TYPE]);
    expect(documentedCodes(conflict)).toEqual(expect.arrayContaining(['POSSIBLE_DUPLICATE', 'ALREADY_EXISTS']));
    const parts = (conflict?.content?.[PROBLEM_MEDIA_TYPE]?.schema?.allOf as Json[]) ?? [];
    expect(parts.some((p) => (p.properties as Json | undefined)?.candidates)).toBe(true);
  });
});

type Auth = { bearer: string } | { cookie: string } | { authorization: string } | null;

interface Probe {
  name: string;
  path: string;
  auth: Auth;
  headers?: Record<string, string>;
  query?: URLSearchParams;
  body?: { raw: string; type: string };
}

async function session(org: TestOrg, role: Role, opts: { mfaPending?: boolean; expired?: boolean } = {}): Promise<string> {
  const s = await createSession(t.db, t.clock, {
    userId: org.users[role].id,
    organizationId: org.id,
    mfaPending: opts.mfaPending ?? false,
    ip: null,
    userAgent: null,
  });
  if (opts.expired)
    await t.db
      .updateTable('sessions')
      .set({ expires_at: new Date(Date.now() - 60_000) })
      .where('id', '=', s.id)
      .execute();
  return s.token;
}

/** The query with its documented parameters: ids of the organization where the name says which, else generated. */
function queryFor(op: Operation, org: TestOrg, known: boolean): URLSearchParams {
  const ids: Record<string, string> = { locationId: org.locationId, providerId: org.providerId };
  const query = new URLSearchParams();
  for (const p of op.parameters ?? []) {
    if (p.in !== 'query') continue;
    const isId = p.schema?.format === 'uuid' || Boolean((p.schema?.anyOf as Json[] | undefined)?.some((s) => s.format === 'uuid'));
    const value = known && ids[p.name] ? ids[p.name] : isId ? randomUUID() : sampleOf(p.schema);
    if ((p.required || isId) && value !== undefined) query.set(p.name, String(value));
  }
  return query;
}

const randomPath = (url: string) => url.replace(/:([A-Za-z0-9_]+)/g, () => randomUUID());
const malformedPath = (url: string) => url.replace(/:([A-Za-z0-9_]+)/g, 'not-an-id');
const json = (value: unknown) => ({ raw: JSON.stringify(value ?? {}), type: 'application/json' });

async function probesFor(route: RegisteredRoute, op: Operation): Promise<Probe[]> {
  const holder = ROLES.find((r) => holds(r, route)) ?? 'admin';
  const lacker = route.permission ? ROLES.find((r) => !holds(r, route)) : undefined;
  const takesBody = BODY_METHODS.includes(route.method);
  const generated = sampleBody(op);
  const body = takesBody && route.method !== 'DELETE' ? json(generated) : undefined;
  const ownPath = async () => (await fixtures.fillPath(route.url, own)).path;
  const ownQuery = queryFor(op, own, true);
  const as = async (role: Role) => ({ bearer: await session(own, role) });
  const probes: Probe[] = [
    { name: 'no session', path: await ownPath(), auth: null, query: ownQuery, body },
    { name: 'malformed Authorization', path: await ownPath(), auth: { authorization: 'Bearer short' }, query: ownQuery, body },
    { name: 'unknown token', path: await ownPath(), auth: { bearer: randomBytes(32).toString('base64url') }, query: ownQuery, body },
    {
      name: 'expired session',
      path: await ownPath(),
      auth: { bearer: await session(own, holder, { expired: true }) },
      query: ownQuery,
      body,
    },
    {
      name: 'MFA pending',
      path: await ownPath(),
      auth: { bearer: await session(own, holder, { mfaPending: true }) },
      query: ownQuery,
      body,
    },
    { name: 'cookie without CSRF marker', path: await ownPath(), auth: { cookie: await session(own, holder) }, query: ownQuery, body },
    { name: 'generated body', path: await ownPath(), auth: await as(holder), query: ownQuery, body, headers: { 'if-match': '"1"' } },
    {
      name: 'empty body',
      path: await ownPath(),
      auth: await as(holder),
      query: ownQuery,
      body: body && json({}),
      headers: { 'if-match': '"1"' },
    },
    {
      name: 'unknown body field',
      path: await ownPath(),
      auth: await as(holder),
      query: ownQuery,
      body: body && json({ ...(generated as object), zzUnknownField: 1 }),
      headers: { 'if-match': '"1"' },
    },
    { name: 'no If-Match', path: await ownPath(), auth: await as(holder), query: ownQuery, body },
    { name: 'stale If-Match', path: await ownPath(), auth: await as(holder), query: ownQuery, body, headers: { 'if-match': '"999999"' } },
    {
      name: 'malformed If-Match',
      path: await ownPath(),
      auth: await as(holder),
      query: ownQuery,
      body,
      headers: { 'if-match': 'garbage' },
    },
    {
      name: "another practice's objects",
      path: (await fixtures.fillPath(route.url, other)).path,
      auth: await as(holder),
      query: ownQuery,
      body,
      headers: { 'if-match': '"1"' },
    },
    {
      name: 'random ids',
      path: randomPath(route.url),
      auth: await as(holder),
      query: queryFor(op, own, false),
      body,
      headers: { 'if-match': '"1"' },
    },
    {
      name: 'malformed ids',
      path: malformedPath(route.url),
      auth: await as(holder),
      query: ownQuery,
      body,
      headers: { 'if-match': '"1"' },
    },
    {
      name: 'unknown query parameter',
      path: await ownPath(),
      auth: await as(holder),
      query: new URLSearchParams([...ownQuery, ['zzUnknown', '1'], ['limit', '-1']]),
      body,
    },
    {
      name: 'control character in the query',
      path: await ownPath(),
      auth: await as(holder),
      query: new URLSearchParams([...ownQuery, ['zzText', 'a\u0001b']]),
      body,
    },
    {
      name: 'unknown x-location-id',
      path: await ownPath(),
      auth: await as(holder),
      query: ownQuery,
      body,
      headers: { 'x-location-id': randomUUID() },
    },
  ];
  if (route.url.includes('/:')) {
    probes.push(
      { name: 'malformed percent-encoding', path: route.url.replace(/:([A-Za-z0-9_]+)/g, '%E0%A4%A'), auth: await as(holder), body },
      { name: 'over-long id', path: route.url.replace(/:([A-Za-z0-9_]+)/g, () => 'x'.repeat(150)), auth: await as(holder), body },
    );
  }
  if (lacker) probes.push({ name: `as ${lacker} (no permission)`, path: await ownPath(), auth: await as(lacker), query: ownQuery, body });
  if (takesBody) {
    probes.push(
      {
        name: 'malformed JSON',
        path: await ownPath(),
        auth: await as(holder),
        query: ownQuery,
        body: { raw: '{"a":', type: 'application/json' },
      },
      { name: 'XML body', path: await ownPath(), auth: await as(holder), query: ownQuery, body: { raw: '<a/>', type: 'application/xml' } },
      {
        name: 'body over the limit',
        path: await ownPath(),
        auth: await as(holder),
        query: ownQuery,
        body: json({ padding: 'x'.repeat(1_100_000) }),
      },
    );
  }
  return probes;
}

async function send(route: RegisteredRoute, probe: Probe) {
  const headers: Record<string, string> = { ...probe.headers };
  if (probe.auth && 'bearer' in probe.auth) headers.authorization = `Bearer ${probe.auth.bearer}`;
  if (probe.auth && 'authorization' in probe.auth) headers.authorization = probe.auth.authorization;
  if (probe.auth && 'cookie' in probe.auth) headers.cookie = `cd_session=${probe.auth.cookie}`;
  if (probe.body) headers['content-type'] = probe.body.type;
  const query = probe.query?.toString();
  const res = await fetch(`${base}${probe.path}${query ? `?${query}` : ''}`, {
    method: route.method,
    headers,
    body: probe.body?.raw,
    signal: AbortSignal.timeout(20_000),
  });
  const contentType = res.headers.get('content-type') ?? '';
  let body: unknown;
  if (contentType.includes('json')) body = await res.json().catch(() => undefined);
  else await res.body?.cancel(); // files, CSV, PDF, an event stream: the headers are the answer
  return { status: res.status, contentType, body, headers: res.headers };
}

/**
 * What an answer lacks of the security headers (plugins/security-headers.ts): every answer is
 * nosniff, unframeable and no-referrer; a JSON one (the router's own errors included, which no
 * hook sees) has the CSP that allows nothing, any other a page's policy; one without a body
 * either.
 */
function missingSecurityHeaders(answer: { contentType: string; headers: Headers }): string | null {
  const h = answer.headers;
  const lacking = [
    h.get('x-content-type-options') !== 'nosniff' && 'nosniff',
    h.get('x-frame-options') !== 'DENY' && 'x-frame-options',
    h.get('referrer-policy') !== 'no-referrer' && 'referrer-policy',
    !h.get('x-request-id') && 'x-request-id',
    /json/.test(answer.contentType)
      ? h.get('content-security-policy') !== "default-src 'none'; frame-ancestors 'none'" && 'the API CSP'
      : answer.contentType
        ? !h.get('content-security-policy')?.includes("default-src 'self'") && 'the page CSP'
        : // No body (204): either policy, both forbid framing.
          !h.get('content-security-policy')?.includes("frame-ancestors 'none'") && 'a CSP',
  ].filter(Boolean);
  return lacking.length ? `lacks ${lacking.join(', ')}` : null;
}

describe('answers', () => {
  it('answers only statuses the operation documents, errors as documented problems, and never 500', async () => {
    const failures: string[] = [];
    const seen = new Map<string, Set<number>>();
    for (const { route, op } of documented()) {
      for (const probe of await probesFor(route, op)) {
        const answer = await send(route, probe);
        const where = `${route.method} ${route.url} (${probe.name})`;
        const key = `${route.method} ${route.url}`;
        seen.set(key, (seen.get(key) ?? new Set()).add(answer.status));
        if (answer.status === 500) failures.push(`${where}: 500 ${JSON.stringify(answer.body).slice(0, 200)}`);
        const violation = contractViolation(op, answer);
        if (violation) failures.push(`${where}: ${violation}`);
        const headers = missingSecurityHeaders(answer);
        if (headers) failures.push(`${where}: ${headers}`);
      }
    }
    expect(failures).toEqual([]);
    // The probes reach past authentication: most operations answered three or more statuses.
    const varied = [...seen.values()].filter((s) => s.size >= 3).length;
    expect(varied).toBeGreaterThan(seen.size * 0.8);
  }, 600_000);
});
