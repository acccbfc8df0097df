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

/**
 * A database state several files start from (the demo practice seeded at a given moment, say):
 * built once per run by `fill` on a clone of the migrated template, then cloned for each file
 * that names the same `key`. Built under an advisory lock, so two workers never build it twice.
 */
export interface DerivedTemplate<DB> {
  /** Lowercase letters, digits and underscores: part of a database name. */
  key: string;
  fill: (db: import('kysely').Kysely<DB>) => Promise<void>;
}

/** CREATE DATABASE name TEMPLATE template, retried while another file is cloning the template. */
async function cloneDatabase(admin: pg.Client, name: string, template: string): Promise<void> {
  // The template holds the code sets (~85 MB). The embedded server runs with fsync off, where
  // copying its files (and the checkpoint that takes) is about twice as fast as writing every
  // block through the WAL; on a server that syncs (TEST_DATABASE_URL) the WAL is faster.
  const strategy = inject('pgTarget') === 'embedded' ? ' strategy file_copy' : '';
  // Cloning needs the template to be idle; retry briefly if another file is cloning it.
  for (let attempt = 0; ; attempt++) {
    try {
      await admin.query(`create database ${name} template ${template}${strategy}`);
      return;
    } catch (e) {
      if (attempt > 50 || !/being accessed by other users/.test((e as Error).message)) throw e;
      await new Promise((r) => setTimeout(r, 100 + Math.random() * 100));
    }
  }
}

/** The derived template's name, built first when this run has not built it yet. */
async function derivedTemplate<DB>(admin: pg.Client, adminUrl: string, base: string, derived: DerivedTemplate<DB>): Promise<string> {
  if (!/^[a-z0-9_]{1,30}$/.test(derived.key)) throw new Error(`template key "${derived.key}" must be 1-30 of [a-z0-9_]`);
  const templatePid = base.replace('cd_tpl_', '');
  // Under cd_t_<pid>_ so the global teardown drops it with the files' clones.
  const name = `cd_t_${templatePid}_tpl_${derived.key}`;
  await admin.query('select pg_advisory_lock(hashtext($1))', [name]);
  try {
    const exists = await admin.query('select 1 from pg_database where datname = $1', [name]);
    if (exists.rowCount) return name;
    const building = `${name}_build`;
    await admin.query(`drop database if exists ${building} with (force)`);
    await cloneDatabase(admin, building, base);
    const pool = createPool({ connectionString: withDatabaseName(adminUrl, building), max: 4, appRole: true });
    const db = createKysely<DB>(pool);
    try {
      await derived.fill(db);
    } finally {
      await db.destroy();
    }
    // Appears under its name only when whole.
    await admin.query(`alter database ${building} rename to ${name}`);
    return name;
  } finally {
    await admin.query('select pg_advisory_unlock(hashtext($1))', [name]);
  }
}

/**
 * Create this file's database; it is dropped after the file's tests. With `template`, it
 * starts from that derived state instead of the bare migrated template.
 */
export async function createTestDatabase<DB>(
  opts: { poolSize?: number; connectionTimeoutMillis?: number; template?: DerivedTemplate<DB> } = {},
): Promise<TestDatabase<DB>> {
  const adminUrl = testServerAdminUrl();
  const base = inject('pgTemplateDb');
  const templatePid = base.replace('cd_tpl_', '');
  const name = `cd_t_${templatePid}_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    const template = opts.template ? await derivedTemplate(admin, adminUrl, base, opts.template) : base;
    await cloneDatabase(admin, name, template);
  } finally {
    await admin.end();
  }
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
