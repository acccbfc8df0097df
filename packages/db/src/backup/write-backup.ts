/**
 * Logical backup, in-process: works the same on the embedded server (which ships
 * no pg_dump) and on any PostgreSQL server (whose pg_dump may not match). One
 * REPEATABLE READ, READ ONLY transaction gives every table the same snapshot, so
 * a backup taken while ClinicDesk runs is consistent.
 */
import fs from 'node:fs';
import path from 'node:path';
import { once } from 'node:events';
import { createGzip } from 'node:zlib';
import pg from 'pg';
import { foreignKeyOrder, ident, listForeignKeys, listSequences, listTables, qualified } from './catalog.ts';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  type BackupHeader,
  type BackupManifest,
  type RowsLine,
  type SequenceState,
  sha256,
  type TableManifest,
} from './format.ts';

export interface BackupOptions {
  connectionString: string;
  file: string;
  clinicdeskVersion: string;
  /** A chunk closes at this many rows or bytes, whichever comes first. */
  chunkRows?: number;
  chunkBytes?: number;
}

/** Fixed output settings, so the text of every value is the same on every server. */
export const SESSION_SETTINGS = [
  "set bytea_output = 'hex'",
  "set intervalstyle = 'postgres'",
  "set datestyle = 'ISO, YMD'",
  "set timezone = 'UTC'",
  'set extra_float_digits = 1',
  "set client_encoding = 'UTF8'",
];

export async function backupDatabase(opts: BackupOptions): Promise<BackupManifest> {
  const chunkRows = opts.chunkRows ?? 1_000;
  const chunkBytes = opts.chunkBytes ?? 4 * 1024 * 1024;
  const target = path.resolve(opts.file);
  const partial = `${target}.partial-${process.pid}`;
  const client = new pg.Client({ connectionString: opts.connectionString, application_name: 'clinicdesk-backup' });
  await client.connect();
  const gzip = createGzip();
  const out = fs.createWriteStream(partial, { mode: 0o600 });
  gzip.pipe(out);
  const write = async (obj: object) => {
    if (!gzip.write(`${JSON.stringify(obj)}\n`)) await once(gzip, 'drain');
  };
  try {
    for (const s of SESSION_SETTINGS) await client.query(s);
    await client.query('begin isolation level repeatable read read only');
    const hasMigrations = await client.query(`select to_regclass('public.schema_migrations') is not null as ok`);
    if (!hasMigrations.rows[0]?.ok) throw new Error('this database has no schema_migrations table: it is not a ClinicDesk database');
    const header: BackupHeader = {
      kind: 'header',
      format: BACKUP_FORMAT,
      formatVersion: BACKUP_FORMAT_VERSION,
      clinicdeskVersion: opts.clinicdeskVersion,
      createdAt: new Date().toISOString(),
      // `show` names its column after the setting: select it under a known name.
      serverVersion: (await client.query<{ v: string }>(`select current_setting('server_version') as v`)).rows[0]?.v ?? '',
      migrations: (await client.query<{ name: string }>('select name from schema_migrations order by name')).rows.map((r) => r.name),
    };
    await write(header);
    const tables = foreignKeyOrder(await listTables(client), await listForeignKeys(client));
    const manifests: TableManifest[] = [];
    for (const table of tables) {
      const m: TableManifest = { name: table.name, columns: table.columns, rows: 0, chunks: [] };
      const cols = table.columns.map(ident).join(', ');
      const order = table.primaryKey.length ? ` order by ${table.primaryKey.map(ident).join(', ')}` : '';
      await client.query(`declare backup_rows no scroll cursor for
        select row_to_json(r)::text as j from (select ${cols} from ${qualified(table.name)}${order}) r`);
      let rows: string[] = [];
      let bytes = 0;
      const flush = async () => {
        if (!rows.length) return;
        const data = `[${rows.join(',')}]`;
        const line: RowsLine = { kind: 'rows', table: table.name, chunk: m.chunks.length, rows: rows.length, sha256: sha256(data), data };
        m.chunks.push(line.sha256);
        m.rows += rows.length;
        rows = [];
        bytes = 0;
        await write(line);
      };
      for (;;) {
        const batch = await client.query<{ j: string }>('fetch forward 200 from backup_rows');
        for (const { j } of batch.rows) {
          rows.push(j);
          bytes += j.length;
          if (rows.length >= chunkRows || bytes >= chunkBytes) await flush();
        }
        if (batch.rows.length < 200) break;
      }
      await flush();
      await client.query('close backup_rows');
      manifests.push(m);
    }
    const sequences: SequenceState[] = [];
    for (const name of await listSequences(client)) {
      const r = await client.query<{ last_value: string; is_called: boolean }>(
        `select last_value::text as last_value, is_called from ${qualified(name)}`,
      );
      const row = r.rows[0];
      if (row) sequences.push({ name, lastValue: row.last_value, isCalled: row.is_called });
    }
    await client.query('commit');
    const manifest: BackupManifest = { ...header, kind: 'manifest', tables: manifests, sequences };
    await write(manifest);
    gzip.end();
    await once(out, 'close');
    // Durable before it takes the real name: a crash leaves the old file or the new one, never half of one.
    const fd = fs.openSync(partial, 'r');
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fs.renameSync(partial, target);
    return manifest;
  } catch (e) {
    gzip.destroy();
    // The stream opens its file asynchronously: wait until it is closed, or the file
    // could be created after we removed it.
    if (!out.closed) {
      const closed = once(out, 'close');
      out.destroy();
      await closed.catch(() => undefined);
    }
    fs.rmSync(partial, { force: true });
    throw e;
  } finally {
    await client.end().catch(() => undefined);
  }
}
