/**
 * Sessions resolved from memory (identity/session-cache.ts) still end, lose roles and lose their
 * user at once: in the process that made the change, on its very next request; in another
 * process, as soon as the database's notice arrives (well before the cache's own few seconds).
 * A lost notice connection drops everything and stops caching until it is back.
 */
import { createKysely, createPool } from '@db/index.ts';
import type { Database } from '@domain/database.ts';
import { sessionCacheKey } from '@domain/identity/sessions.ts';
import { buildApp } from '@server/app.ts';
import type { App } from '@server/plugins/types.ts';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestOrg } from '../helpers/factories.ts';
import { createTestApp } from '../helpers/test-app.ts';

const t = await createTestApp();
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** Wait for a condition (never a fixed sleep); fails after `ms`. */
async function until(what: string, check: () => boolean | Promise<boolean>, ms = 3_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for: ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Requests as `token` until this app answers them from its cache. */
async function warm(app: App, token: string): Promise<void> {
  const first = await app.inject({ method: 'GET', url: '/api/me', headers: bearer(token) });
  expect(first.statusCode, first.body).toBe(200);
  await until('the notice connection', () => app.sessionCache.isListening);
  await until('a cached session', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/me', headers: bearer(token) });
    expect(res.statusCode, res.body).toBe(200);
    return app.sessionCache.has(sessionCacheKey(token));
  });
}

const get = (app: App, url: string, token: string) => app.inject({ method: 'GET', url, headers: bearer(token) });

describe('in this process', () => {
  let org: TestOrg;
  beforeAll(async () => {
    org = await t.newOrg();
  });

  it('a sign-out takes effect on the very next request', async () => {
    const token = org.users.clinician.token;
    await warm(t.app, token);
    const out = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: bearer(token) });
    expect(out.statusCode, out.body).toBeLessThan(300);
    expect((await get(t.app, '/api/me', token)).statusCode).toBe(401);
  });

  it('a role change takes effect on the very next request', async () => {
    const token = org.users.office_manager.token;
    await warm(t.app, token);
    expect((await get(t.app, '/api/users', token)).statusCode).toBe(200);
    const admin = t.as(org, 'admin');
    const changed = await admin.put(`/api/users/${org.users.office_manager.id}/roles`, {
      roles: [{ role: 'front_desk', locationId: null }],
    });
    expect(changed.statusCode, changed.body).toBe(200);
    const res = await get(t.app, '/api/users', token);
    expect([res.statusCode, res.json().code]).toEqual([403, 'FORBIDDEN']);
  });

  it('a deactivation takes effect on the very next request', async () => {
    const token = org.users.nurse.token;
    await warm(t.app, token);
    const off = await t.as(org, 'admin').post(`/api/users/${org.users.nurse.id}/deactivate`);
    expect(off.statusCode, off.body).toBe(200);
    expect((await get(t.app, '/api/me', token)).statusCode).toBe(401);
  });
});

describe('in another process (database notices)', () => {
  // A second server on the same database with its own pool and cache. Changes are made in the
  // database directly, as another process, the CLI or an operator would: only the notice can tell it.
  let other: App;
  let pool: pg.Pool;
  beforeAll(async () => {
    pool = createPool({ connectionString: t.database.connectionString, max: 4, appRole: true });
    const built = await buildApp({ db: createKysely<Database>(pool), pool, clock: t.clock });
    other = built.app;
  });
  afterAll(async () => {
    await other.close();
    await pool.end();
  });

  /** The change is announced: the entry leaves the cache by the notice, not by its age (which only a lookup checks). */
  const dropped = (token: string) => until('the notice', () => !other.sessionCache.has(sessionCacheKey(token)));

  it('drops an ended session', async () => {
    const org = await t.newOrg();
    const token = org.users.front_desk.token;
    await warm(other, token);
    await t.db
      .updateTable('sessions')
      .set({ ended_at: new Date(), end_reason: 'logout' })
      .where('user_id', '=', org.users.front_desk.id)
      .execute();
    await dropped(token);
    expect((await get(other, '/api/me', token)).statusCode).toBe(401);
  });

  it('drops the sessions of a user whose roles changed, or who was deactivated', async () => {
    const org = await t.newOrg();
    const manager = org.users.office_manager;
    await warm(other, manager.token);
    await t.db.updateTable('user_roles').set({ role: 'front_desk' }).where('user_id', '=', manager.id).execute();
    await dropped(manager.token);
    expect((await get(other, '/api/users', manager.token)).statusCode).toBe(403);

    const biller = org.users.biller;
    await warm(other, biller.token);
    await t.db.updateTable('users').set({ active: false }).where('id', '=', biller.id).execute();
    await dropped(biller.token);
    expect((await get(other, '/api/me', biller.token)).statusCode).toBe(401);
  });

  it("drops a practice's sessions when it starts requiring MFA", async () => {
    const org = await t.newOrg();
    const token = org.users.front_desk.token;
    await warm(other, token);
    await t.db
      .updateTable('organizations')
      .set({ settings: JSON.stringify({ require_mfa: true }) })
      .where('id', '=', org.id)
      .execute();
    await dropped(token);
    const res = await get(other, '/api/organization/settings', token);
    expect([res.statusCode, res.json().code]).toEqual([401, 'MFA_REQUIRED']);
  });

  it('drops everything and caches nothing while the notice connection is lost, then resumes', async () => {
    const org = await t.newOrg();
    const token = org.users.biller.token;
    await warm(other, token);
    const admin = new pg.Client({ connectionString: t.database.adminConnectionString });
    await admin.connect();
    try {
      await admin.query(
        `select pg_terminate_backend(pid) from pg_stat_activity
          where application_name = 'clinicdesk-session-notices' and datname = current_database()`,
      );
    } finally {
      await admin.end();
    }
    await until('the loss is noticed', () => !other.sessionCache.isListening);
    expect(other.sessionCache.size).toBe(0);
    // Requests still work (from the database), and the next ones re-open the connection.
    await until(
      'the connection is back',
      async () => {
        expect((await get(other, '/api/me', token)).statusCode).toBe(200);
        return other.sessionCache.isListening;
      },
      10_000,
    );
    await warm(other, token);
  });
});
