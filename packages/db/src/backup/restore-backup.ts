/**
 * Restore a backup written by backupDatabase. The file is verified end to end
 * before the database is touched. Then: refuse a database that holds data unless
 * `force`; rebuild the public schema with exactly the backup's migrations; load the
 * tables in foreign-key order in one transaction (as superuser with
 * session_replication_role = replica, so no trigger re-fires: the audit trail goes
 * back byte for byte); restore every sequence; check row counts and foreign keys
 * (plus the caller's checks, e.g. the audit chain); finally apply migrations newer
 * than the backup and load the shipped reference data (code sets), as a normal start would.
 */
import pg from 'pg';
import { migrate, migrationFiles } from '../migrate.ts';
import { ident, listTables, qualified } from './catalog.ts';
import { type BackupManifest, BackupFileError } from './format.ts';
import { type CheckResult, checkForeignKeys, checkRowCounts } from './integrity.ts';
import { backupChunks, verifyBackup } from './read-backup.ts';
import { SESSION_SETTINGS } from './write-backup.ts';

export interface ExtraCheck {
  name: string;
  /** Resolve to null when the check passes, else a description of the problem. */
  run(connectionString: string): Promise<string | null>;
}

export interface RestoreOptions {
  connectionString: string;
  file: string;
  /** Replace a database that already holds data. */
  force?: boolean;
  checks?: ExtraCheck[];
  log?: (line: string) => void;
}

export interface RestoreSummary {
  manifest: BackupManifest;
  rows: number;
  /** True when loaded with triggers off (superuser); otherwise user triggers were disabled per table. */
  replicaMode: boolean;
  checks: CheckResult[];
  /** Migrations newer than the backup, applied after the load. */
  upgraded: string[];
}

/** The restore did not start: the target has data, other sessions, or the backup needs a newer ClinicDesk. */
export class RestoreRefusedError extends Error {}

/** The data was loaded but a post-restore check failed; do not serve from this database. */
export class RestoreIntegrityError extends Error {
  constructor(readonly checks: CheckResult[]) {
    super(
      `restore finished but integrity checks failed:\n${checks
        .filter((c) => !c.ok)
        .map((c) => `  ${c.name}: ${c.detail}`)
        .join('\n')}`,
    );
  }
}

export async function restoreDatabase(opts: RestoreOptions): Promise<RestoreSummary> {
  const log = opts.log ?? (() => undefined);
  const manifest = await verifyBackup(opts.file);
  log(`backup verified: ${manifest.tables.length} tables, taken ${manifest.createdAt} by ClinicDesk ${manifest.clinicdeskVersion}`);
  const known = new Set(migrationFiles());
  const unknown = manifest.migrations.filter((m) => !known.has(m));
  if (unknown.length) {
    throw new RestoreRefusedError(`the backup was taken by a newer ClinicDesk (unknown migrations: ${unknown.join(', ')}); upgrade first`);
  }
  const client = new pg.Client({ connectionString: opts.connectionString, application_name: 'clinicdesk-restore' });
  await client.connect();
  try {
    await refuseUnlessSafe(client, opts.force === true);
    await resetPublicSchema(client);
    log('schema cleared');
    const migrated = await migrate(opts.connectionString, log, { only: manifest.migrations });
    if (migrated.applied.join() !== manifest.migrations.join()) throw new Error('could not rebuild the schema the backup was taken at');
    const { rows, replicaMode } = await load(client, opts.file, manifest, log);
    const checks = [await checkRowCounts(client, manifest), await checkForeignKeys(client)];
    for (const check of opts.checks ?? []) {
      const problem = await check.run(opts.connectionString);
      checks.push({ name: check.name, ok: problem === null, detail: problem ?? 'ok' });
    }
    if (checks.some((c) => !c.ok)) throw new RestoreIntegrityError(checks);
    const upgraded = (await migrate(opts.connectionString, log)).applied;
    return { manifest, rows, replicaMode, checks, upgraded };
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function refuseUnlessSafe(client: pg.Client, force: boolean): Promise<void> {
  const others = await client.query<{ n: number }>(
    `select count(*)::int as n from pg_stat_activity
      where datname = current_database() and pid <> pg_backend_pid() and backend_type = 'client backend'`,
  );
  const n = others.rows[0]?.n ?? 0;
  if (n > 0) {
    throw new RestoreRefusedError(
      `${n} other connection(s) to this database: stop ClinicDesk (and other clients) before restoring, then run restore again`,
    );
  }
  if (force) return;
  const withRows: string[] = [];
  for (const t of await listTables(client)) {
    const r = await client.query<{ any: boolean }>(`select exists (select 1 from ${qualified(t.name)}) as any`);
    if (r.rows[0]?.any) withRows.push(t.name);
  }
  if (withRows.length) {
    const names = withRows.slice(0, 5).join(', ') + (withRows.length > 5 ? ', …' : '');
    throw new RestoreRefusedError(
      `the target database is not empty (${withRows.length} table(s) hold rows: ${names}); restore into an empty database, or pass --force to replace everything in it`,
    );
  }
}

/** Drop everything ClinicDesk created (tables, functions, extensions' objects) and start from a bare schema. */
async function resetPublicSchema(client: pg.Client): Promise<void> {
  await client.query('drop schema if exists public cascade');
  await client.query('create schema public');
  // PostgreSQL 15+ default; harmless to attempt elsewhere.
  await client.query('alter schema public owner to pg_database_owner').catch(() => undefined);
  await client.query('grant usage on schema public to public');
}

async function load(
  client: pg.Client,
  file: string,
  manifest: BackupManifest,
  log: (l: string) => void,
): Promise<{ rows: number; replicaMode: boolean }> {
  const tables = new Map((await listTables(client, { includeReference: true })).map((t) => [t.name, t]));
  for (const t of manifest.tables) {
    const live = tables.get(t.name);
    if (!live) throw new BackupFileError(file, `table ${t.name} does not exist after migrating to the backup's schema`);
    const missing = t.columns.filter((c) => !live.columns.includes(c));
    if (missing.length) throw new BackupFileError(file, `table ${t.name} has no column(s) ${missing.join(', ')}`);
  }
  for (const s of SESSION_SETTINGS) await client.query(s);
  const su = await client.query<{ su: string }>(`select current_setting('is_superuser') as su`);
  const replicaMode = su.rows[0]?.su === 'on';
  let rows = 0;
  await client.query('begin');
  try {
    if (replicaMode) {
      await client.query('set local session_replication_role = replica');
    } else {
      // The owner may disable its own triggers (not the FK ones: hence the load order).
      for (const t of manifest.tables) await client.query(`alter table ${qualified(t.name)} disable trigger user`);
    }
    const byName = new Map(manifest.tables.map((t) => [t.name, t]));
    for await (const chunk of backupChunks(file)) {
      const t = byName.get(chunk.table);
      if (!t) throw new BackupFileError(file, `rows for unknown table ${chunk.table}`);
      const cols = t.columns.map(ident).join(', ');
      const r = await client.query(
        `insert into ${qualified(t.name)} (${cols}) overriding system value
         select ${cols} from json_populate_recordset(null::${qualified(t.name)}, $1::json)`,
        [chunk.data],
      );
      if (r.rowCount !== chunk.rows)
        throw new BackupFileError(file, `table ${t.name} chunk ${chunk.chunk}: ${r.rowCount} rows loaded, ${chunk.rows} expected`);
      rows += chunk.rows;
    }
    if (!replicaMode) {
      for (const t of manifest.tables) await client.query(`alter table ${qualified(t.name)} enable trigger user`);
    }
    await restoreSequences(client, manifest);
    await client.query('commit');
  } catch (e) {
    await client.query('rollback').catch(() => undefined);
    throw e;
  }
  log(`loaded ${rows} rows into ${manifest.tables.length} tables`);
  return { rows, replicaMode };
}

/** Sequences get their exact state back; identity columns are then checked to be past their table's max. */
async function restoreSequences(client: pg.Client, manifest: BackupManifest): Promise<void> {
  for (const s of manifest.sequences) {
    const exists = await client.query(`select to_regclass($1) is not null as ok`, [`public.${ident(s.name)}`]);
    if (!exists.rows[0]?.ok) continue;
    await client.query('select setval($1::regclass, $2::bigint, $3)', [`public.${ident(s.name)}`, s.lastValue, s.isCalled]);
  }
  for (const t of await listTables(client, { includeReference: true })) {
    for (const col of t.identityColumns) {
      const seq = (await client.query<{ seq: string | null }>('select pg_get_serial_sequence($1, $2) as seq', [qualified(t.name), col]))
        .rows[0]?.seq;
      if (!seq) continue;
      // pg_get_serial_sequence returns a quoted, schema-qualified name: safe to splice.
      const r = await client.query<{ max: string | null; used: string | null }>(
        `select (select max(${ident(col)}) from ${qualified(t.name)})::text as max,
                (select case when is_called then last_value end from ${seq})::text as used`,
      );
      const { max, used } = r.rows[0] ?? { max: null, used: null };
      if (max !== null && (used === null || BigInt(max) > BigInt(used)))
        await client.query('select setval($1::regclass, $2::bigint)', [seq, max]);
    }
  }
}
