/**
 * The route matrix, generated from the route registry `buildApp` returns: every route ×
 * {no session, each role of the own organization, each role holding the permission with
 * another organization's object in the path}. Routes other modules add later are covered
 * without editing this file. Every path parameter gets a real object, of the own or the other
 * organization (tests/helpers/route-fixtures.ts; a nested one belongs to its parent): a
 * parameter no factory knows fails the first test, so a random id can never make the
 * foreign-object check pass by itself.
 *
 * Requests go over real HTTP (so a streaming route answers with its headers and is then
 * closed) with a fresh session per request (so logout or ending sessions cannot spoil
 * the next request).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { ROLE_PERMISSIONS, ROLES, type Permission, type Role } from '@domain/access/permissions.ts';
import { createSession } from '@domain/identity/sessions.ts';
import { buildApp } from '@server/app.ts';
import { type RegisteredRoute, UndeclaredRouteError } from '@server/plugins/route-guard.ts';
import type { App } from '@server/plugins/types.ts';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { TEST_PASSWORD, type TestOrg } from '../helpers/factories.ts';
import { contractViolation, type OpenApiDoc, operationOf } from '../helpers/openapi-contract.ts';
import { routeFixtures, temporaryDataDir } from '../helpers/route-fixtures.ts';
import { createTestApp } from '../helpers/test-app.ts';

temporaryDataDir(); // before the app is built: it reads DATA_DIR
const t = await createTestApp();
let own: TestOrg;
let other: TestOrg;
let base = '';

let ownPayerId = '';

beforeAll(async () => {
  own = await t.newOrg();
  other = await t.newOrg();
  base = await t.app.listen({ port: 0, host: '127.0.0.1' });
  const payer = await t.as(own, 'admin').post('/api/payers', { name: 'Route Matrix Payer' });
  expect(payer.statusCode, payer.body).toBe(201);
  ownPayerId = payer.json().id;
});
afterAll(async () => {
  await t.app.close();
});

/** Where factory accounts hold their role: everywhere, or (the location walk) at one location. */
let factoryUserLocation: string | null = null;

/** Real objects of either organization for every path parameter (tests/helpers/route-fixtures.ts). */
const { fillPath } = routeFixtures(t, { userLocation: () => factoryUserLocation });

interface Sample {
  body?: unknown;
  /** The query string (an upload's metadata). */
  query?: string;
  /** A raw body instead of JSON (an upload). */
  file?: { bytes: Uint8Array<ArrayBuffer>; type: string };
}

const PNG = Uint8Array.from(
  Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64'),
);
const LATER = new Date(Date.now() + 200 * 86_400_000).toISOString().slice(0, 10);

/**
 * Requests that pass validation (with the own organization's ids), so on a path with another
 * organization's object only that object can stop them: a route answering 400 on its own object
 * would make its foreign-object check unable to fail.
 */
const SAMPLES: Record<string, () => Sample> = {
  'POST /api/patients/:id/break-glass': () => ({ body: { reason: 'route matrix emergency' } }),
  'PATCH /api/locations/:id': () => ({ body: { city: 'Springfield' } }),
  'PATCH /api/rooms/:id': () => ({ body: { kind: 'procedure room' } }),
  'POST /api/appointments/:id/cancel': () => ({ body: { reason: 'clinic' } }),
  'POST /api/appointments/:id/status': () => ({ body: { status: 'confirmed' } }),
  'POST /api/appointments/:id/check-in-confirmations': () => ({ body: { insuranceConfirmed: true } }),
  'POST /api/appointments/:id/reschedule': () => ({ body: { start: `${LATER}T10:00` } }),
  'POST /api/waitlist/:id/book': () => ({ body: { providerId: own.providerId, locationId: own.locationId, start: `${LATER}T11:00` } }),
  'POST /api/follow-ups/:id/book': () => ({ body: { startsAt: `${LATER}T13:00` } }),
  'POST /api/follow-ups/:id/close': () => ({ body: { reason: 'route matrix' } }),
  'POST /api/patients/:id/recalls': () => ({ body: { recallType: 'annual_physical', dueDate: LATER } }),
  'PATCH /api/recalls/:id': () => ({ body: { note: 'route matrix' } }),
  'PATCH /api/calls/:id': () => ({ body: { note: 'route matrix' } }),
  'PATCH /api/tasks/:id': () => ({ body: { note: 'route matrix' } }),
  'PATCH /api/projects/:id': () => ({ body: { description: 'route matrix' } }),
  'PATCH /api/complaints/:id': () => ({ body: { severity: 'medium' } }),
  'PATCH /api/credentials/:id': () => ({ body: { issuer: 'Route Matrix Board' } }),
  'PATCH /api/equipment/:id': () => ({ body: { vendor: 'Route Matrix' } }),
  'POST /api/equipment/:id/faults': () => ({ body: { description: 'route matrix', severity: 'low', outOfService: false } }),
  'PATCH /api/equipment-faults/:id': () => ({ body: { severity: 'medium' } }),
  'POST /api/equipment-faults/:id/resolve': () => ({ body: { resolution: 'route matrix' } }),
  'PATCH /api/training-items/:id': () => ({ body: { description: 'route matrix' } }),
  'POST /api/training-assignments/:id/complete': () => ({ body: { evidence: 'route matrix' } }),
  'PATCH /api/positions/:id': () => ({ body: { description: 'route matrix' } }),
  'PATCH /api/applicants/:id': () => ({ body: { notes: 'route matrix' } }),
  'POST /api/applicants/:id/stage': () => ({ body: { stage: 'screening' } }),
  'POST /api/onboardings/:id/items': () => ({ body: { label: `Route matrix ${randomBytes(4).toString('hex')}` } }),
  'PATCH /api/onboardings/:id/items/:itemId': () => ({ body: { done: true } }),
  'POST /api/recalls/:id/contacts': () => ({ body: { method: 'phone', outcome: 'reached' } }),
  'PUT /api/patients/:id/care-team': () => ({ body: { userIds: [] } }),
  'PUT /api/users/:id/roles': () => ({ body: { roles: [{ role: 'front_desk', locationId: factoryUserLocation }] } }),
  'POST /api/patients/:id/coverages': () => ({
    body: { payerId: ownPayerId, memberId: `M${randomBytes(4).toString('hex')}`, priority: 'primary', effectiveDate: '2026-01-01' },
  }),
  'POST /api/patients/:id/documents': () => ({ query: 'category=other&fileName=matrix.png', file: { bytes: PNG, type: 'image/png' } }),
  'PATCH /api/providers/:id': () => ({ body: { credentials: 'MD' } }),
  'POST /api/patients/:id/problems': () => ({ body: { code: 'I10' } }),
  'POST /api/patients/:id/texts': () => ({ body: { body: 'route matrix text' } }),
  'POST /api/patients/:id/allergies': () => ({ body: { substance: 'Penicillin' } }),
  'POST /api/patients/:id/medications': () => ({ body: { name: 'Lisinopril' } }),
  'POST /api/patients/:id/prescriptions': () => ({
    body: { drugName: 'Lisinopril', sig: 'Take 1 tablet daily', quantity: 30, quantityUnit: 'tablets' },
  }),
  'PATCH /api/encounters/:id': () => ({ body: { note: { plan: 'route matrix' } } }),
  'POST /api/encounters/:id/sign': () => ({ body: { password: TEST_PASSWORD } }),
  'POST /api/encounters/:id/cosign': () => ({ body: { password: TEST_PASSWORD } }),
  'POST /api/encounters/:id/addenda': () => ({ body: { text: 'route matrix addendum' } }),
  'PATCH /api/note-templates/:id': () => ({ body: { plan: 'route matrix' } }),
  'PATCH /api/quick-texts/:id': () => ({ body: { text: 'route matrix' } }),
  'PATCH /api/fee-schedule/:id': () => ({ body: { amountCents: 12_000 } }),
  'POST /api/payers/:id/contract': () => ({ body: { code: '99213', amountCents: 9_000, effectiveFrom: '2026-01-01' } }),
  'PATCH /api/payers/:id/contract/:entryId': () => ({ body: { amountCents: 7_500 } }),
  'POST /api/payers/:id/contract/import': () => ({
    file: { bytes: Uint8Array.from(Buffer.from('code,amount,effective_from\n99213,90.00,2026-01-01\n')), type: 'text/csv' },
  }),
  'POST /api/adjustment-reasons/import': () => ({
    file: { bytes: Uint8Array.from(Buffer.from('codeSet,code,description\nCARC,45,Route matrix text\n')), type: 'text/csv' },
  }),
  'PATCH /api/charges/:id': () => ({ body: { units: 1, diagnosisPointers: [1] } }),
  'POST /api/charges/:id/void': () => ({ body: { reason: 'route matrix' } }),
  'POST /api/payments/:id/refund': () => ({ body: { amountCents: 100, reason: 'route matrix' } }),
  'GET /api/expected-copays': () => ({ query: `patientIds=${randomUUID()}` }),
  'POST /api/payments/:id/void': () => ({ body: { reason: 'route matrix' } }),
  // A past day: closing it leaves today open for the payments other routes post.
  'POST /api/daily-closes': () => ({ body: { locationId: own.locationId, date: '2026-01-05', countedCashCents: 0 } }),
  'GET /api/daily-closes': () => ({ query: `locationId=${own.locationId}` }),
  'GET /api/daily-closes/preview': () => ({ query: `locationId=${own.locationId}&date=2026-01-05` }),
  'POST /api/deposits': () => ({ body: { locationId: own.locationId } }),
  'GET /api/deposits': () => ({ query: `locationId=${own.locationId}` }),
  'GET /api/deposits/undeposited': () => ({ query: `locationId=${own.locationId}` }),
  'POST /api/claims': () => ({ body: { encounterId: randomUUID() } }),
  'POST /api/claims/:id/overrides': () => ({ body: { rule: 'DUPLICATE_CLAIM', reason: 'route matrix' } }),
  'POST /api/claim-batches': () => ({ body: { claimIds: [randomUUID()] } }),
  'POST /api/remittances/unmatched/:id/resolve': () => ({ body: { action: 'dismiss', reason: 'route matrix' } }),
  'POST /api/claims/:id/replace': () => ({ body: { reason: 'route matrix', payerClaimControlNumber: 'RM1' } }),
  'POST /api/claims/:id/void': () => ({ body: { reason: 'route matrix', payerClaimControlNumber: 'RM1' } }),
  'POST /api/claims/:id/write-off': () => ({ body: { reason: 'route matrix' } }),
  'POST /api/staff-threads/:id/replies': () => ({ body: { body: 'route matrix' } }),
  'PATCH /api/staff-threads/:id': () => ({ body: { done: true } }),
  'PATCH /api/campaigns/:id/members/:memberId': () => ({ body: { response: 'declined', note: 'route matrix' } }),
  'POST /api/staff-threads/:id/task': () => ({ body: {} }),
  'PATCH /api/letter-templates/:id': () => ({ body: { kind: 'batch' } }),
  'POST /api/vendors': () => ({ body: { name: `Matrix Vendor ${randomBytes(4).toString('hex')}` } }),
  'PATCH /api/vendors/:id': () => ({ body: { contactName: 'Route Matrix' } }),
  'PATCH /api/bills/:id': () => ({ body: { memo: 'route matrix' } }),
  'POST /api/bills/:id/payments': () => ({ body: { amountCents: 100, method: 'card' } }),
  'POST /api/bills/:id/void': () => ({ body: { reason: 'route matrix' } }),
  'POST /api/bills/:id/invoice': () => ({ query: 'fileName=matrix.png', file: { bytes: PNG, type: 'image/png' } }),
  'POST /api/statement-runs': () => ({ body: { minBalanceCents: 9_999_999_999 } }),
  'POST /api/payment-plans/:id/cancel': () => ({ body: { reason: 'route matrix' } }),
  'POST /api/collections/contacts': () => ({ body: { guarantorKey: randomUUID(), type: 'called' } }),
  'GET /api/collections/contacts': () => ({ query: `guarantorKey=${randomUUID()}` }),
  'GET /api/payment-plans': () => ({ query: `patientId=${randomUUID()}` }),
  'POST /api/payment-plans': () => ({
    body: { patientId: randomUUID(), totalCents: 1_000, installmentCents: 500, frequency: 'monthly', firstDueOn: LATER },
  }),
  'POST /api/collections/agency': () => ({ body: { guarantorKeys: [randomUUID()] } }),
  'POST /api/collections/agency/return': () => ({ body: { guarantorKey: randomUUID(), reason: 'route matrix' } }),
  'POST /api/shifts/:id/swap-requests': () => ({ body: { toUserId: own.users.biller.id } }),
  'POST /api/swap-requests/:id/decision': () => ({ body: { decision: 'approve' } }),
  'POST /api/time-off/:id/decision': () => ({ body: { decision: 'approve' } }),
  'POST /api/collections/small-balance-write-offs': () => ({ body: { maxBalanceCents: 500, reason: 'route matrix', preview: true } }),
};

interface Answer {
  status: number;
  code?: string;
}

/** Answers the OpenAPI document does not list for their operation (checked by the last test). */
const undocumented: string[] = [];

async function call(route: RegisteredRoute, path: string, token: string | null, extra: Record<string, string> = {}): Promise<Answer> {
  const headers: Record<string, string> = { 'if-match': '"1"', ...extra };
  if (token) headers.authorization = `Bearer ${token}`;
  const mutation = !['GET', 'DELETE', 'HEAD', 'OPTIONS'].includes(route.method);
  const sample = SAMPLES[`${route.method} ${route.url}`]?.() ?? {};
  if (mutation) headers['content-type'] = sample.file?.type ?? 'application/json';
  const res = await fetch(`${base}${path}${sample.query ? `?${sample.query}` : ''}`, {
    method: route.method,
    headers,
    body: mutation ? (sample.file?.bytes ?? JSON.stringify(sample.body ?? {})) : undefined,
    signal: AbortSignal.timeout(20_000),
  });
  let code: string | undefined;
  let answered: unknown;
  const contentType = res.headers.get('content-type') ?? '';
  if (contentType.includes('json')) {
    answered = await res.json().catch(() => ({}));
    code = (answered as { code?: string }).code;
  } else {
    await res.body?.cancel(); // a stream (text/event-stream) answers its headers, then we hang up
  }
  // Every answer of the matrix is held to the OpenAPI document (tests/integration/openapi-contract.test.ts probes more).
  const op = operationOf(t.app.swagger() as unknown as OpenApiDoc, route.method, route.url);
  const violation = op && contractViolation(op, { status: res.status, contentType, body: answered });
  if (violation) undocumented.push(`${route.method} ${route.url}: ${violation}`);
  return { status: res.status, ...(code ? { code } : {}) };
}

async function tokenFor(org: TestOrg, role: Role): Promise<string> {
  return (await createSession(t.db, t.clock, { userId: org.users[role].id, organizationId: org.id, ip: null, userAgent: null })).token;
}

const holds = (role: Role, route: RegisteredRoute) =>
  route.authenticated === true || (route.permission !== undefined && ROLE_PERMISSIONS[role].includes(route.permission as Permission));

describe('route matrix', () => {
  it('covers the registry, including the audit routes', () => {
    const keys = t.routes.map((r) => `${r.method} ${r.url}`);
    expect(keys).toEqual(
      expect.arrayContaining([
        'GET /api/audit',
        'GET /api/audit/export.csv',
        'GET /api/audit/verify',
        'GET /api/audit/break-glass',
        'GET /api/patients/:id/access-report',
        'POST /api/patients/:id/break-glass',
      ]),
    );
    for (const r of t.routes)
      expect([r.permission !== undefined, r.public === true, r.authenticated === true].filter(Boolean)).toHaveLength(1);
  });

  it('gives every path parameter of every route a real object, of either organization (a new kind of parameter needs a factory)', async () => {
    const unknown = new Set<string>();
    for (const route of t.routes.filter((r) => r.url.includes('/:'))) {
      for (const org of [own, other]) {
        for (const u of (await fillPath(route.url, org)).unknown) unknown.add(`${route.method} ${route.url}: ${u}`);
      }
    }
    // Each entry needs a factory in tests/helpers/route-fixtures.ts, keyed by the segment before the parameter.
    expect([...unknown]).toEqual([]);
  }, 300_000);

  it('answers 401 without a session on every non-public route, and never 500', async () => {
    const failures: string[] = [];
    for (const route of t.routes) {
      const { path } = await fillPath(route.url, own);
      const res = await call(route, path, null);
      if (res.status >= 500) failures.push(`${route.method} ${route.url}: ${res.status}`);
      if (!route.public && res.status !== 401) failures.push(`${route.method} ${route.url}: expected 401, got ${res.status}`);
    }
    expect(failures).toEqual([]);
  }, 300_000);

  it('answers 403 to every role lacking the permission, lets every role holding it through, and never 500', async () => {
    const failures: string[] = [];
    for (const route of t.routes.filter((r) => !r.public)) {
      for (const role of ROLES) {
        const { path } = await fillPath(route.url, own);
        const res = await call(route, path, await tokenFor(own, role));
        const where = `${route.method} ${route.url} as ${role}`;
        if (res.status >= 500) failures.push(`${where}: ${res.status}`);
        else if (holds(role, route)) {
          if (res.status === 401 || res.status === 403) failures.push(`${where}: expected access, got ${res.status} ${res.code ?? ''}`);
        } else if (res.status !== 403 || res.code !== 'FORBIDDEN') {
          failures.push(`${where}: expected 403 FORBIDDEN, got ${res.status} ${res.code ?? ''}`);
        }
      }
    }
    expect(failures).toEqual([]);
  }, 300_000);

  it("answers 404 for another organization's object in the path, to every role holding the permission", async () => {
    const failures: string[] = [];
    const withParams = t.routes.filter((r) => !r.public && r.url.includes('/:'));
    expect(withParams.length).toBeGreaterThan(0);
    for (const route of withParams) {
      const nested = (route.url.match(/\/:/g) ?? []).length > 1;
      for (const role of ROLES.filter((r) => holds(r, route))) {
        const mine = await fillPath(route.url, own);
        const ownRes = await call(route, mine.path, await tokenFor(own, role));
        // A request refused by validation on its own object would be refused the same way on a foreign one: no check at all.
        if (ownRes.status === 400 || ownRes.status === 428) {
          failures.push(`${route.method} ${route.url} as ${role}: ${ownRes.status} on an own object; give it a valid request in SAMPLES`);
          continue;
        }
        // Every object of the other organization; and, for a nested path, the own parent with the other's child.
        const foreign = [{ label: 'foreign', filled: await fillPath(route.url, other) }];
        if (nested) foreign.push({ label: 'own parent, foreign child', filled: await fillPath(route.url, own, other) });
        for (const { label, filled } of foreign) {
          const where = `${route.method} ${route.url} as ${role} (${label})`;
          if (!filled.known || !mine.known) {
            failures.push(`${where}: a parameter without a real object (${[...mine.unknown, ...filled.unknown].join(', ')})`);
            continue;
          }
          // The same request got past validation on an own object: only the foreign object can stop it.
          const res = await call(route, filled.path, await tokenFor(own, role));
          if (res.status !== 404) failures.push(`${where}: expected 404, got ${res.status} (own: ${ownRes.status})`);
        }
      }
    }
    expect(failures).toEqual([]);
  }, 300_000);
});

describe('a role limited to one location', () => {
  /** An office manager (user:manage, settings, audit…) whose only role is at the org's first location. */
  async function locationLimitedToken(org: TestOrg): Promise<string> {
    const tag = randomBytes(4).toString('hex');
    const user = await t.db
      .insertInto('users')
      .values({ organization_id: org.id, email: `east.manager.${tag}@test.clinicdesk.dev`, display_name: `East Manager ${tag}` })
      .returning('id')
      .executeTakeFirstOrThrow();
    await t.db
      .insertInto('user_roles')
      .values({ organization_id: org.id, user_id: user.id, role: 'office_manager', location_id: org.locationId })
      .execute();
    return (await createSession(t.db, t.clock, { userId: user.id, organizationId: org.id, ip: null, userAgent: null })).token;
  }

  it('acts at its own location only: without a location header and at another location every permission-checked route answers 403', async () => {
    const failures: string[] = [];
    const checked = t.routes.filter((r) => r.permission !== undefined);
    expect(checked.length).toBeGreaterThan(50);
    // The accounts in user-management paths work at this manager's location (a practice-wide one is beyond its reach).
    factoryUserLocation = own.locationId;
    onTestFinished(() => {
      factoryUserLocation = null;
    });
    for (const route of checked) {
      for (const where of ['none', 'own', 'other'] as const) {
        const { path } = await fillPath(route.url, own);
        const headers: Record<string, string> =
          where === 'none' ? {} : { 'x-location-id': where === 'own' ? own.locationId : own.secondLocationId };
        const res = await call(route, path, await locationLimitedToken(own), headers);
        const label = `${route.method} ${route.url} (${where} location)`;
        if (res.status >= 500) failures.push(`${label}: ${res.status}`);
        else if (where === 'own' && holds('office_manager', route)) {
          if (res.status === 401 || res.status === 403) failures.push(`${label}: expected access, got ${res.status} ${res.code ?? ''}`);
        } else if (res.status !== 403 || res.code !== 'FORBIDDEN') {
          failures.push(`${label}: expected 403 FORBIDDEN, got ${res.status} ${res.code ?? ''}`);
        }
      }
    }
    expect(failures).toEqual([]);
  }, 300_000);

  it('cannot create a practice-wide administrator without a location header (the reported escalation)', async () => {
    const token = await locationLimitedToken(own);
    const body = {
      email: `escalated.${randomBytes(4).toString('hex')}@test.clinicdesk.dev`,
      displayName: 'Escalated Admin',
      roles: [{ role: 'admin', locationId: null }],
    };
    const res = await fetch(`${base}/api/users`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(res.status).toBe(403);
    const created = await t.db.selectFrom('users').select('id').where('email', '=', body.email).executeTakeFirst();
    expect(created).toBeUndefined();
  });

  it('/api/me lists only practice-wide permissions without a header, and offers only its own location', async () => {
    const token = await locationLimitedToken(own);
    const me = async (headers: Record<string, string>) =>
      (await (await fetch(`${base}/api/me`, { headers: { authorization: `Bearer ${token}`, ...headers } })).json()) as {
        user: { permissions: string[] };
        locations: { id: string }[];
      };
    const none = await me({});
    expect(none.user.permissions).toEqual([]);
    expect(none.locations.map((l) => l.id)).toEqual([own.locationId]);
    const at = await me({ 'x-location-id': own.locationId });
    expect(at.user.permissions).toContain('user:manage');
    const elsewhere = await me({ 'x-location-id': own.secondLocationId });
    expect(elsewhere.user.permissions).toEqual([]);
  });
});

describe('start-up guard', () => {
  const undeclared = async (app: App) => {
    app.get('/api/test/undeclared', async () => ({ ok: true }));
  };
  const twice = async (app: App) => {
    app.get('/api/test/twice', { config: { public: true, permission: 'audit:read' } }, async () => ({ ok: true }));
  };
  const unknownPermission = async (app: App) => {
    app.get('/api/test/unknown', { config: { permission: 'audit:delete' as Permission } }, async () => ({ ok: true }));
  };

  it('refuses to build an app with a route that declares nothing, two things, or an unknown permission', async () => {
    for (const mod of [undeclared, twice, unknownPermission]) {
      await expect(buildApp({ db: t.db, pool: t.database.pool, extraRoutes: [mod] })).rejects.toBeInstanceOf(UndeclaredRouteError);
    }
  });
});

describe('the OpenAPI document', () => {
  it('lists every status and problem code the matrix above was answered with', () => {
    expect([...new Set(undocumented)]).toEqual([]);
  });
});
