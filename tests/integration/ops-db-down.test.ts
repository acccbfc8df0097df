/**
 * Database outage: the app keeps running while its PostgreSQL is stopped, answers
 * /readyz 503 and API calls 503 problem+json (not 500, not a hang), and recovers by
 * itself when the server comes back on the same data dir. The answers say the database is
 * down, never that the pool is exhausted (that is a busy process, tests/integration/resilience-limits.test.ts).
 * The database here is an embedded cluster this file controls, reached like an external server (a pool).
 */
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { type EmbeddedServer, startEmbedded } from '@db/embedded.ts';
import { createKysely, createPool, migrate } from '@db/index.ts';
import type { Database } from '@domain/database.ts';
import { systemClock } from '@domain/shared/clock.ts';
import { buildApp } from '@server/app.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newOrganization, type TestOrg } from '../helpers/factories.ts';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cd-dbdown-'));
let server: EmbeddedServer;
const start = () => startEmbedded({ dataDir, fsync: false });
let pool: ReturnType<typeof createPool>;
let app: Awaited<ReturnType<typeof buildApp>>['app'];
let org: TestOrg;

beforeAll(async () => {
  server = await start();
  await migrate(server.connectionString('postgres'));
  pool = createPool({ connectionString: server.connectionString('postgres'), max: 4 });
  const db = createKysely<Database>(pool);
  ({ app } = await buildApp({ db, pool, clock: systemClock }));
  org = await newOrganization(db, systemClock);
});

afterAll(async () => {
  await app?.close();
  await pool?.end().catch(() => undefined);
  await server?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const readyz = () => app.inject({ method: 'GET', url: '/readyz' });
const locations = () => app.inject({ method: 'GET', url: '/api/locations', headers: { authorization: `Bearer ${org.users.admin.token}` } });

describe('database down', () => {
  it('answers 503 while PostgreSQL is stopped and recovers when it is back, without restarting the app', async () => {
    expect((await readyz()).statusCode).toBe(200);
    expect((await locations()).statusCode).toBe(200);

    await server.stop();

    const notReady = await readyz();
    expect(notReady.statusCode).toBe(503);
    expect(notReady.json()).toEqual({ status: 'unavailable' });
    const api = await locations();
    expect(api.statusCode).toBe(503);
    expect(api.headers['content-type']).toContain('application/problem+json');
    expect(api.headers['retry-after']).toBe('5');
    expect(api.json()).toMatchObject({
      status: 503,
      code: 'SERVICE_UNAVAILABLE',
      detail: 'the database is unavailable; try again shortly',
    });
    const verbose = await app.inject({ method: 'GET', url: '/readyz?verbose' });
    expect(verbose.statusCode).toBe(503);
    expect(verbose.json()).toMatchObject({ status: 'unavailable', reason: 'database_down', unavailable: { poolExhausted: 0 } });
    expect(verbose.json().unavailable.databaseDown).toBeGreaterThan(0);
    // Nothing about the connection leaks into the answer.
    expect(api.body).not.toContain(dataDir);
    expect((await app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);

    server = await start();

    expect((await readyz()).statusCode).toBe(200);
    const back = await locations();
    expect(back.statusCode).toBe(200);
    expect(
      back
        .json()
        .items.map((l: { name: string }) => l.name)
        .sort(),
    ).toEqual(['East', 'West']);
  });

  it('answers 503 instead of hanging when the database accepts connections but never replies', async () => {
    // A black hole: TCP connections are accepted and then nothing is ever said.
    const sockets = new Set<net.Socket>();
    const hole = net.createServer((socket) => sockets.add(socket));
    await new Promise<void>((resolve) => hole.listen(0, '127.0.0.1', resolve));
    const holePort = (hole.address() as net.AddressInfo).port;
    const stuckPool = createPool({ connectionString: `postgres://nobody@127.0.0.1:${holePort}/none`, max: 2 });
    const stuck = await buildApp({ db: createKysely<Database>(stuckPool), pool: stuckPool, clock: systemClock });
    try {
      // More requests than connections: the last waits for a slot that is itself still trying to
      // reach the database. That wait times out as pool-exhausted waits do, and is still "down".
      const api = () =>
        stuck.app.inject({ method: 'GET', url: '/api/locations', headers: { authorization: `Bearer ${org.users.admin.token}` } });
      const [ready, ...answers] = await Promise.all([stuck.app.inject({ method: 'GET', url: '/readyz?verbose' }), api(), api()]);
      expect(ready.statusCode).toBe(503);
      expect(ready.json()).toMatchObject({ status: 'unavailable', reason: 'database_down' });
      for (const answer of answers) {
        expect(answer.statusCode).toBe(503);
        expect(answer.json()).toMatchObject({ code: 'SERVICE_UNAVAILABLE', detail: 'the database is unavailable; try again shortly' });
      }
      const counted = (await stuck.app.inject({ method: 'GET', url: '/readyz?verbose' })).json().unavailable;
      expect(counted).toMatchObject({ poolExhausted: 0, databaseDown: 2 });
    } finally {
      await stuck.app.close();
      for (const s of sockets) s.destroy();
      await stuckPool.end().catch(() => undefined);
      await new Promise((r) => hole.close(r));
    }
  });
});
