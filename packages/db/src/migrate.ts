/**
 * Plain-SQL migrations, applied in file-name order under an advisory lock, each
 * in its own transaction. The same files serve the embedded and external server.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { APP_ROLE } from './pool.ts';

export const MIGRATIONS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../migrations');
const LOCK_KEY = 720_451_001;

export interface MigrateResult {
  applied: string[];
  appRole: boolean;
}

export function migrationFiles(): string[] {
  return fs
    .readdirSync(MIGRATIONS_DIR)
    .filter((f) => /^\d{4}_.+\.sql$/.test(f))
    .sort();
}

/**
 * Apply pending migrations, then (re)apply grants for the app role. Safe to run concurrently.
 * `only` limits the run to those files (restore rebuilds the schema a backup was taken at).
 */
export async function migrate(
  connectionString: string,
  log: (m: string) => void = () => undefined,
  opts: { only?: readonly string[] } = {},
): Promise<MigrateResult> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [LOCK_KEY]);
    await client.query(
      'create table if not exists schema_migrations (name text primary key, applied_at timestamptz not null default now())',
    );
    const done = new Set((await client.query<{ name: string }>('select name from schema_migrations')).rows.map((r) => r.name));
    const applied: string[] = [];
    const only = opts.only ? new Set(opts.only) : undefined;
    for (const file of migrationFiles()) {
      if (done.has(file) || (only && !only.has(file))) continue;
      const sql = fs.readFileSync(path.join(MIGRATIONS_DIR, file), 'utf8');
      await client.query('begin');
      try {
        await client.query(sql);
        await client.query('insert into schema_migrations (name) values ($1)', [file]);
        await client.query('commit');
      } catch (e) {
        await client.query('rollback');
        throw new Error(`migration ${file} failed: ${(e as Error).message}`);
      }
      applied.push(file);
      log(`applied migration ${file}`);
    }
    const appRole = await applyGrants(client, log);
    return { applied, appRole };
  } finally {
    await client.query('select pg_advisory_unlock($1)', [LOCK_KEY]).catch(() => undefined);
    await client.end();
  }
}

/**
 * The app role may read and write ordinary tables, but only INSERT and SELECT on
 * append-only tables (those whose comment starts with 'append-only').
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
  await client.query(`revoke all on schema_migrations from ${role}`);
  await client.query(`grant select on schema_migrations to ${role}`);
  return true;
}
