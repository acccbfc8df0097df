/**
 * One kind of request cannot starve the server (issue 10 §2):
 *  - expensive routes run a few at a time per process: a flood of searches queues briefly and
 *    is then shed with 503 + Retry-After, while sign-in, /api/me and a patient read answer;
 *  - a statement past the request pool's statement_timeout answers 503 problem+json with
 *    Retry-After (never a hung request), and its connection goes back to the pool; reports and
 *    exports run under their own, longer timeout;
 *  - a wait for a connection that never comes says "pool exhausted", not "database down", is
 *    logged at warn with the pool's state, and /readyz?verbose counts it.
 * Slow work is a statement waiting on an advisory lock the test holds: it lasts exactly as long
 * as the test wants, with no sleeps.
 */
import { createPool, createKysely } from '@db/index.ts';
import { createTestDatabase } from '@db/testing.ts';
import type { Database } from '@domain/database.ts';
import { systemClock } from '@domain/shared/clock.ts';
import { buildApp } from '@server/app.ts';
import { loadConfig, type RouteLimits } from '@server/config.ts';
import { UndeclaredRouteError } from '@server/plugins/route-guard.ts';
import type { App } from '@server/plugins/types.ts';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newOrganization, TEST_PASSWORD, type TestOrg } from '../helpers/factories.ts';
import { newPatient } from '../helpers/scheduling-factories.ts';

const database = await createTestDatabase<Database>();
const LOCK = 710_042;

/** The advisory lock the slow routes wait on, held by the test's own connection. */
let holder: pg.Client;
beforeAll(async () => {
  holder = new pg.Client({ connectionString: database.adminConnectionString });
  await holder.connect();
});
afterAll(async () => {
  await holder.end();
});
const hold = () => holder.query('select pg_advisory_lock($1)', [LOCK]);
const letGo = () => holder.query('select pg_advisory_unlock($1)', [LOCK]);
const waitingOnLock = async () =>
  (
    await holder.query<{ n: number }>(
      `select count(*)::int as n from pg_locks where locktype = 'advisory' and objid = $1 and not granted and database = (select oid from pg_database where datname = current_database())`,
      [LOCK],
    )
  ).rows[0]?.n;

/** Statements that wait while the test holds the lock; `/api/test/setting` tells the connection's statement_timeout. */
const testRoutes = async (app: App) => {
  const wait = (request: { ctx: { db: import('@domain/shared/context.ts').Db } }) =>
    request.ctx.db.transaction().execute(async (trx) => {
      await sql`select 1`.execute(trx);
      await sql`select pg_advisory_xact_lock_shared(${LOCK})`.execute(trx);
      return { waited: true };
    });
  app.get('/api/test/slow-search', { config: { permission: 'patient:read', expensive: 'search' }, schema: { hide: true } }, wait);
  app.get('/api/test/slow', { config: { permission: 'patient:read' }, schema: { hide: true } }, wait);
  const setting = async (request: { ctx: { db: import('@domain/shared/context.ts').Db } }) => {
    const row = await sql<{ timeout: string }>`select current_setting('statement_timeout') as timeout`.execute(request.ctx.db);
    return { statementTimeout: row.rows[0]?.timeout };
  };
  app.get('/api/test/setting', { config: { permission: 'patient:read' }, schema: { hide: true } }, setting);
  app.get('/api/test/report-setting', { config: { permission: 'patient:read', expensive: 'report' }, schema: { hide: true } }, setting);
};

const limits = (search: RouteLimits['search']): RouteLimits => ({
  search,
  availability: { inFlight: 4, queue: 4, waitMs: 1_000 },
  report: { inFlight: 2, queue: 2, waitMs: 1_000 },
});

async function until(what: string, condition: () => boolean | Promise<boolean>): Promise<void> {
  for (let i = 0; !(await condition()); i++) {
    if (i > 2_000) throw new Error(`gave up waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

const bearer = (org: TestOrg) => ({ authorization: `Bearer ${org.users.admin.token}` });
const pools: pg.Pool[] = [];
const apps: App[] = [];
afterAll(async () => {
  for (const app of apps) await app.close();
  for (const pool of pools) await pool.end().catch(() => undefined);
});

/** An app over its own pool of the file's database. */
async function appOver(pool: pg.Pool, opts: { routeLimits?: RouteLimits; reportStatementTimeoutMs?: number; logs?: unknown[] } = {}) {
  pools.push(pool);
  const config = { ...loadConfig(), ...opts };
  const { app } = await buildApp({
    db: createKysely<Database>(pool),
    pool,
    clock: systemClock,
    config,
    extraRoutes: [testRoutes],
    ...(opts.logs ? { logger: { level: 'warn', stream: { write: (line: string) => opts.logs?.push(JSON.parse(line)) } } } : {}),
  });
  apps.push(app);
  return app;
}

describe('a flood of searches', () => {
  it('queues a few, sheds the rest with 503 + Retry-After, and sign-in, /api/me and a patient read still answer', async () => {
    // Fewer connections than the flood: unlimited, its requests would hold every one of them.
    const pool = createPool({ connectionString: database.connectionString, max: 4 });
    const app = await appOver(pool, { routeLimits: limits({ inFlight: 2, queue: 3, waitMs: 60_000 }) });
    const org = await newOrganization(database.db, systemClock);
    const patientId = await newPatient(database.db, org);
    const get = (url: string) => app.inject({ method: 'GET', url, headers: bearer(org) });

    await hold();
    let flood: ReturnType<typeof get>[] = [];
    try {
      // Two searches run (waiting on the lock), three wait their turn.
      flood = Array.from({ length: 5 }, () => get('/api/test/slow-search'));
      const search = app.services.load.expensive.search;
      await until('two searches running and three queued', () => search.inFlight === 2 && search.queued === 3);

      // More of them, and the real search box (which shares the limit), are shed at once: the queue is full.
      const shed = await Promise.all(
        Array.from({ length: 20 }, (_, i) => get(i % 2 ? '/api/test/slow-search' : `/api/patients?q=smith${i}`)),
      );
      for (const res of shed) {
        expect(res.statusCode).toBe(503);
        expect(res.headers['content-type']).toContain('application/problem+json');
        expect(res.headers['retry-after']).toBe('1');
        expect(res.json()).toMatchObject({
          status: 503,
          code: 'SERVICE_UNAVAILABLE',
          detail: expect.stringContaining('too many searches'),
        });
      }

      // Everything else goes on meanwhile.
      const [signIn, me, patient] = await Promise.all([
        app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: org.users.front_desk.email, password: TEST_PASSWORD } }),
        get('/api/me'),
        get(`/api/patients/${patientId}`),
      ]);
      expect(signIn.statusCode, signIn.body).toBe(200);
      expect(me.statusCode, me.body).toBe(200);
      expect(patient.statusCode, patient.body).toBe(200);
      expect(patient.json().id).toBe(patientId);

      const ready = await app.inject({ method: 'GET', url: '/readyz?verbose' });
      expect(ready.statusCode).toBe(200);
      expect(ready.json()).toMatchObject({
        status: 'ready',
        pool: { max: 4 },
        expensive: { search: { inFlight: 2, queued: 3, shed: 20 }, report: { inFlight: 0, queued: 0, shed: 0 } },
      });
    } finally {
      await letGo();
    }
    // Let go, the searches in hand all finish; the box works again.
    for (const res of await Promise.all(flood)) expect(res.statusCode, res.body).toBe(200);
    expect((await get('/api/patients?q=patient')).statusCode).toBe(200);
    expect(app.services.load.expensive.search).toMatchObject({ inFlight: 0, queued: 0 });
  });

  it('sheds a search that waited its longest in the queue', async () => {
    const pool = createPool({ connectionString: database.connectionString, max: 4 });
    const app = await appOver(pool, { routeLimits: limits({ inFlight: 1, queue: 5, waitMs: 50 }) });
    const org = await newOrganization(database.db, systemClock);
    const get = (url: string) => app.inject({ method: 'GET', url, headers: bearer(org) });
    await hold();
    try {
      const running = get('/api/test/slow-search');
      await until('the search to run', () => app.services.load.expensive.search.inFlight === 1);
      const queued = await get('/api/patients?q=ada');
      expect([queued.statusCode, queued.headers['retry-after'], queued.json().code]).toEqual([503, '1', 'SERVICE_UNAVAILABLE']);
      await letGo();
      expect((await running).statusCode).toBe(200);
    } finally {
      await letGo();
    }
  });

  it('refuses to start with a route that declares an unknown kind of expensive route', async () => {
    const bogus = async (app: App) => {
      app.get('/api/test/bogus', { config: { permission: 'patient:read', expensive: 'everything' as 'search' } }, async () => ({}));
    };
    await expect(buildApp({ db: database.db, pool: database.pool, clock: systemClock, extraRoutes: [bogus] })).rejects.toThrow(
      UndeclaredRouteError,
    );
  });
});

describe('statement timeout', () => {
  it('cancels a request statement past the timeout: 503 + Retry-After, and the connection serves the next request', async () => {
    // One connection: the request after the cancelled one can only run if it came back.
    const pool = createPool({ connectionString: database.connectionString, max: 1, statementTimeoutMillis: 1_000 });
    const logs: Record<string, unknown>[] = [];
    const app = await appOver(pool, { reportStatementTimeoutMs: 45_000, logs });
    const org = await newOrganization(database.db, systemClock);
    const patientId = await newPatient(database.db, org);
    const get = (url: string) => app.inject({ method: 'GET', url, headers: bearer(org) });

    await hold();
    try {
      const res = await get('/api/test/slow');
      expect(res.statusCode).toBe(503);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.headers['retry-after']).toBe('2');
      expect(res.json()).toMatchObject({ code: 'SERVICE_UNAVAILABLE', detail: expect.stringContaining('time limit') });
      expect(logs).toContainEqual(expect.objectContaining({ level: 40, reason: 'statement_timeout' }));
      // Still locked: the next request runs on the same, returned connection.
      const patient = await get(`/api/patients/${patientId}`);
      expect(patient.statusCode, patient.body).toBe(200);
    } finally {
      await letGo();
    }
    const ready = await app.inject({ method: 'GET', url: '/readyz?verbose' });
    expect(ready.json().unavailable).toEqual({ poolExhausted: 0, databaseDown: 0, databaseBusy: 0, statementTimeout: 1 });
  });

  it('gives reports and exports their own timeout, and a request after one the pool default again', async () => {
    const pool = createPool({ connectionString: database.connectionString, max: 1, statementTimeoutMillis: 1_500 });
    const app = await appOver(pool, { reportStatementTimeoutMs: 45_000 });
    const org = await newOrganization(database.db, systemClock);
    const get = async (url: string) => (await app.inject({ method: 'GET', url, headers: bearer(org) })).json().statementTimeout;
    expect(await get('/api/test/setting')).toBe('1500ms');
    expect(await get('/api/test/report-setting')).toBe('45s');
    expect(await get('/api/test/setting')).toBe('1500ms');
  });
});

describe('pool exhausted is not database down', () => {
  it('says which, logs it at warn with the pool state, and counts it in /readyz?verbose', async () => {
    const pool = createPool({ connectionString: database.connectionString, max: 1, connectionTimeoutMillis: 300 });
    const logs: Record<string, unknown>[] = [];
    const app = await appOver(pool, { logs });
    const org = await newOrganization(database.db, systemClock);
    const patientId = await newPatient(database.db, org);
    const get = (url: string) => app.inject({ method: 'GET', url, headers: bearer(org) });
    // The pool's one connection opened and the session known first: on a busy machine opening a
    // connection can take longer than the 300 ms this pool waits, and the slow request would
    // then be refused instead of holding the connection.
    expect((await get(`/api/patients/${patientId}`)).statusCode).toBe(200);

    await hold();
    let busy: ReturnType<typeof get> | undefined;
    try {
      busy = get('/api/test/slow');
      await until('the only connection to wait on the lock', async () => (await waitingOnLock()) === 1);

      const res = await get(`/api/patients/${patientId}`);
      expect(res.statusCode).toBe(503);
      expect(res.headers['retry-after']).toBe('2');
      expect(res.json()).toMatchObject({
        code: 'SERVICE_UNAVAILABLE',
        detail: expect.stringContaining('every database connection is in use'),
      });
      expect(res.json().detail).not.toContain('unavailable');
      expect(logs).toContainEqual(
        expect.objectContaining({
          level: 40,
          reason: 'pool_exhausted',
          pool: expect.objectContaining({ max: 1, totalCount: 1, idleCount: 0 }),
        }),
      );

      const ready = await app.inject({ method: 'GET', url: '/readyz?verbose' });
      expect(ready.statusCode).toBe(503);
      expect(ready.json()).toMatchObject({
        status: 'unavailable',
        reason: 'pool_exhausted',
        pool: { max: 1, total: 1, idle: 0 },
        unavailable: { poolExhausted: 1, databaseDown: 0 },
      });
    } finally {
      await letGo();
    }
    expect((await busy)?.statusCode).toBe(200);
    expect((await get(`/api/patients/${patientId}`)).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/readyz' })).json()).toEqual({ status: 'ready' });
  });
});
