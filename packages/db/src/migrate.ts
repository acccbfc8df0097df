/**
 * Plain-SQL migrations, applied in file-name order under an advisory lock, each
 * in its own transaction. The same files serve the embedded and external server.
 *
 * Integrity: each applied migration's SHA-256 is kept in schema_migrations. A run
 * refuses to start when an applied file was edited or removed, when a pending file
 * sorts before the last applied one (numbers are global and only grow), or when two
 * files share a number. Databases migrated before checksums existed get theirs
 * recorded on their next run.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { APP_ROLE } from './pool.ts';
import { loadReferenceData } from './reference-data.ts';

export const MIGRATIONS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../migrations');
const LOCK_KEY = 720_451_001;

export interface MigrateResult {
  applied: string[];
  appRole: boolean;
  /** Shipped reference data sets (re)loaded by this run (reference-data.ts): only those whose file changed. */
  referenceData: string[];
}

export class MigrationIntegrityError extends Error {}

export function migrationFiles(dir: string = MIGRATIONS_DIR): string[] {
  return fs
    .readdirSync(dir)
    .filter((f) => /^\d{4}_.+\.sql$/.test(f))
    .sort();
}

/** SHA-256 of a migration's text, line endings normalized (a Windows checkout is not an edit). */
export function migrationChecksum(sql: string): string {
  return createHash('sha256').update(sql.replace(/\r\n/g, '\n')).digest('hex');
}

/** Two files with one number would apply in an order their authors did not choose. */
function checkNumbers(files: readonly string[]): void {
  const seen = new Map<string, string>();
  for (const f of files) {
    const n = f.slice(0, 4);
    const other = seen.get(n);
    if (other)
      throw new MigrationIntegrityError(`migrations ${other} and ${f} share the number ${n}: number new migrations after the last one`);
    seen.set(n, f);
  }
}

/**
 * The pending files, in order, after checking the applied ones against the files:
 * none edited, none missing, and no pending file before the last applied.
 */
export function planMigrations(
  files: readonly { name: string; checksum: string }[],
  applied: readonly { name: string; checksum: string | null }[],
): string[] {
  checkNumbers(files.map((f) => f.name));
  const byName = new Map(files.map((f) => [f.name, f.checksum]));
  for (const a of applied) {
    const current = byName.get(a.name);
    if (current === undefined) {
      throw new MigrationIntegrityError(
        `migration ${a.name} was applied to this database but is not in this ClinicDesk (an older version?)`,
      );
    }
    if (a.checksum !== null && a.checksum !== current) {
      throw new MigrationIntegrityError(
        `migration ${a.name} was edited after it was applied (checksum ${a.checksum.slice(0, 12)}, file ${current.slice(0, 12)}): put the change in a new migration`,
      );
    }
  }
  const done = new Set(applied.map((a) => a.name));
  const last = [...done].sort().at(-1);
  const pending = files.map((f) => f.name).filter((n) => !done.has(n));
  const early = last === undefined ? undefined : pending.find((n) => n < last);
  if (early && last) {
    throw new MigrationIntegrityError(
      `migration ${early} sorts before ${last}, which is already applied: give it a number after the last migration`,
    );
  }
  return pending;
}

/**
 * Apply pending migrations, load the shipped reference data whose files changed, then (re)apply
 * grants for the app role. Safe to run concurrently. `only` limits the run to those files and
 * loads no reference data (restore rebuilds the schema a backup was taken at, then its rows).
 */
export async function migrate(
  connectionString: string,
  log: (m: string) => void = () => undefined,
  opts: { only?: readonly string[]; dir?: string } = {},
): Promise<MigrateResult> {
  const dir = opts.dir ?? MIGRATIONS_DIR;
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [LOCK_KEY]);
    await client.query(
      'create table if not exists schema_migrations (name text primary key, applied_at timestamptz not null default now(), checksum text)',
    );
    await client.query('alter table schema_migrations add column if not exists checksum text');
    const files = migrationFiles(dir).map((name) => {
      const sql = fs.readFileSync(path.join(dir, name), 'utf8');
      return { name, sql, checksum: migrationChecksum(sql) };
    });
    const appliedRows = (await client.query<{ name: string; checksum: string | null }>('select name, checksum from schema_migrations'))
      .rows;
    const only = opts.only ? new Set(opts.only) : undefined;
    const pending = planMigrations(files, appliedRows).filter((n) => !only || only.has(n));
    // Rows from before checksums were kept: record what they are now.
    for (const row of appliedRows.filter((r) => r.checksum === null)) {
      const file = files.find((f) => f.name === row.name);
      if (file) await client.query('update schema_migrations set checksum = $2 where name = $1', [row.name, file.checksum]);
    }
    const applied: string[] = [];
    for (const name of pending) {
      const file = files.find((f) => f.name === name) as { sql: string; checksum: string };
      await client.query('begin');
      try {
        await client.query(file.sql);
        await client.query('insert into schema_migrations (name, checksum) values ($1, $2)', [name, file.checksum]);
        await client.query('commit');
      } catch (e) {
        await client.query('rollback');
        throw new Error(`migration ${name} failed: ${(e as Error).message}`);
      }
      applied.push(name);
      log(`applied migration ${name}`);
    }
    const referenceData = only ? [] : (await loadReferenceData(client, log)).loaded.map((l) => l.name);
    const appRole = await applyGrants(client, log);
    return { applied, appRole, referenceData };
  } finally {
    await client.query('select pg_advisory_unlock($1)', [LOCK_KEY]).catch(() => undefined);
    await client.end();
  }
}

/**
 * The app role may read and write ordinary tables, but only INSERT and SELECT on
 * append-only tables (those whose comment starts with 'append-only'), and only SELECT on
 * reference data (comment starting 'reference data': loaded by migrate, the same for every practice).
 */
async function applyGrants(client: pg.Client, log: (m: string) => void): Promise<boolean> {
  const role = pg.escapeIdentifier(APP_ROLE);
  try {
    await client.query(`do $$ begin
      if not exists (select 1 from pg_roles where rolname = ${pg.escapeLiteral(APP_ROLE)}) then
        create role ${role} nologin;
      end if; end $$`);
    await client.query(`grant ${role} to current_user`).catch(() => undefined);
  } catch (e) {
    log(`warning: could not create database role ${APP_ROLE} (${(e as Error).message}); running with the login role`);
    return false;
  }
  await client.query(`grant usage on schema public to ${role}`);
  await client.query(`grant select, insert, update, delete on all tables in schema public to ${role}`);
  await client.query(`grant usage, select on all sequences in schema public to ${role}`);
  const appendOnly = await client.query<{ name: string }>(
    `select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind in ('r','p') and obj_description(c.oid, 'pg_class') like 'append-only%'`,
  );
  for (const { name } of appendOnly.rows) {
    await client.query(`revoke update, delete, truncate on ${pg.escapeIdentifier(name)} from ${role}`);
  }
  const reference = await client.query<{ name: string }>(
    `select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind in ('r','p') and obj_description(c.oid, 'pg_class') like 'reference data%'`,
  );
  for (const { name } of reference.rows) {
    await client.query(`revoke insert, update, delete, truncate on ${pg.escapeIdentifier(name)} from ${role}`);
  }
  await client.query(`revoke all on schema_migrations from ${role}`);
  await client.query(`grant select on schema_migrations to ${role}`);
  return true;
}
