/**
 * Test harness: a fresh database per test file, cloned from the migrated template
 * that tests/setup/global-setup.ts prepared. Real PostgreSQL, never a fake.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, inject } from 'vitest';
import { createKysely, createPool } from './pool.ts';
import { withDatabaseName } from './url.ts';

export interface TestDatabase<DB> {
  connectionString: string;
  /** Connects as the superuser/owner (for tamper tests and setup). */
  adminConnectionString: string;
  pool: pg.Pool;
  db: import('kysely').Kysely<DB>;
  target: 'embedded' | 'external';
}

let usedServer = false;

/**
 * The suite's database server (embedded, or TEST_DATABASE_URL): its admin URL. Tests reach the
 * server only through here, so a file listed as not using it (tests/setup/database-free.ts) is
 * caught when it does.
 */
export function testServerAdminUrl(): string {
  usedServer = true;
  return inject('pgAdminUrl');
}

/** Whether this file has used the suite's database server. */
export function usedTestServer(): boolean {
  return usedServer;
}

/** Create this file's database; it is dropped after the file's tests. */
export async function createTestDatabase<DB>(
  opts: { poolSize?: number; connectionTimeoutMillis?: number } = {},
): Promise<TestDatabase<DB>> {
  const adminUrl = testServerAdminUrl();
  const template = inject('pgTemplateDb');
  const templatePid = template.replace('cd_tpl_', '');
  const name = `cd_t_${templatePid}_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  // The template holds the code sets (~85 MB). The embedded server runs with fsync off, where
  // copying its files (and the checkpoint that takes) is about twice as fast as writing every
  // block through the WAL; on a server that syncs (TEST_DATABASE_URL) the WAL is faster.
  const strategy = inject('pgTarget') === 'embedded' ? ' strategy file_copy' : '';
  // Cloning needs the template to be idle; retry briefly if another file is cloning it.
  for (let attempt = 0; ; attempt++) {
    try {
      await admin.query(`create database ${name} template ${template}${strategy}`);
      break;
    } catch (e) {
      if (attempt > 50 || !/being accessed by other users/.test((e as Error).message)) throw e;
      await new Promise((r) => setTimeout(r, 100 + Math.random() * 100));
    }
  }
  await admin.end();
  const connectionString = withDatabaseName(adminUrl, name);
  const pool = createPool({
    connectionString,
    max: opts.poolSize ?? 10,
    appRole: true,
    connectionTimeoutMillis: opts.connectionTimeoutMillis,
  });
  const db = createKysely<DB>(pool);
  afterAll(async () => {
    await db.destroy().catch(() => undefined);
    const c = new pg.Client({ connectionString: adminUrl });
    await c.connect();
    await c.query(`drop database if exists ${name} with (force)`).catch(() => undefined);
    await c.end();
  });
  return { connectionString, adminConnectionString: connectionString, pool, db, target: inject('pgTarget') };
}
