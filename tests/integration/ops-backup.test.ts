/**
 * `clinicdesk backup` / `restore`: a seeded database goes through a backup file into
 * an empty database and comes back identical, table by table (audit trail included);
 * damaged files and non-empty targets are refused before anything is written.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { BackupFileError, backupDatabase, RestoreRefusedError, restoreDatabase, verifyBackup } from '@db/backup/index.ts';
import { createKysely, createPool } from '@db/index.ts';
import { createTestDatabase, testServerAdminUrl } from '@db/testing.ts';
import { withDatabaseName } from '@db/url.ts';
import type { Database } from '@domain/database.ts';
import { sealAudit, verifyAudit } from '@domain/audit/index.ts';
import { seedDemo } from '@domain/demo/index.ts';
import { FakeClock } from '@domain/shared/clock.ts';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { auditChainCheck } from '../../apps/cli/src/commands/restore.ts';
import { createEmptyDatabase, runCli, tableFingerprints } from '../helpers/ops.ts';

const source = await createTestDatabase<Database>();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cd-backup-'));
const file = path.join(dir, 'clinic.backup');
// 2^53 + 1: a JavaScript number cannot hold it, so a JSON round trip through JS would change it.
const BIG = '9007199254740993';
let original: Awaited<ReturnType<typeof tableFingerprints>>;

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function sql(connectionString: string, text: string, params: unknown[] = []) {
  const c = new pg.Client({ connectionString });
  await c.connect();
  try {
    return await c.query(text, params);
  } finally {
    await c.end();
  }
}

beforeAll(async () => {
  await seedDemo(source.db, new FakeClock(), { patients: 12 });
  const cs = source.connectionString;
  // Values that break a naive dump: int8 past 2^53, microsecond instants, bytea, nested jsonb, audit rows and seals.
  await sql(cs, `update users set mfa_last_step = $1 where email = 'admin@demo.clinicdesk.dev'`, [BIG]);
  await sql(
    cs,
    `insert into jobs (queue, payload, run_at, dedupe_key) values
       ('email', '{"n": 12345678901234567890, "nested": {"a": [1, "two", null]}, "s": "line\\nbreak \\"q\\" é"}', '2026-03-02 15:00:00.123456+00', 'k1'),
       ('email', '{}', '1999-12-31 23:59:59.999999+00', null)`,
  );
  await sql(
    cs,
    `insert into audit_events (occurred_at, action, resource_type, details) values ('2026-03-02 15:00:00.000001+00', 'export', 'backup-test', '{"x": 1.5e-7}')`,
  );
  expect((await sealAudit(source.db)).sealed).toBeGreaterThan(0);
  await sql(cs, `select nextval('patient_mrn_seq')`);
  original = await tableFingerprints(cs);
  await backupDatabase({ connectionString: cs, file, clinicdeskVersion: '0.1.0-test', chunkRows: 5 });
});

describe('backup file', () => {
  it('lists migrations, tables with row counts and per-chunk checksums', async () => {
    const manifest = await verifyBackup(file);
    expect(manifest.format).toBe('clinicdesk-backup');
    expect(manifest.clinicdeskVersion).toBe('0.1.0-test');
    // The server the backup was read from, as it reports itself.
    const version = (await sql(source.connectionString, 'show server_version')).rows[0]?.server_version;
    expect(version).toMatch(/^\d+/);
    expect(manifest.serverVersion).toBe(version);
    expect(manifest.migrations).toEqual(expect.arrayContaining(['0001_foundation.sql', '0002_identity_audit.sql']));
    const patients = manifest.tables.find((t) => t.name === 'patients');
    expect(patients?.rows).toBe(12);
    expect(patients?.chunks).toHaveLength(3); // chunkRows 5
    expect(manifest.tables.map((t) => t.name)).not.toContain('schema_migrations');
    // Shipped code sets are not the practice's data: left out (a restore loads them from the files).
    for (const shipped of ['icd10cm_codes', 'hcpcs_codes', 'reference_words', 'reference_data_sets'])
      expect(manifest.tables.map((t) => t.name)).not.toContain(shipped);
    expect(manifest.tables.map((t) => t.name)).toContain('procedures');
    // Parents before children: organizations before locations before patients.
    const order = manifest.tables.map((t) => t.name);
    expect(order.indexOf('organizations')).toBeLessThan(order.indexOf('locations'));
    expect(order.indexOf('locations')).toBeLessThan(order.indexOf('patients'));
    expect(manifest.sequences.find((s) => s.name === 'patient_mrn_seq')).toMatchObject({ isCalled: true });
    for (const t of manifest.tables) expect(t.rows, t.name).toBe(original[t.name]?.rows);
  });
});

// A ceiling, not a measurement: a restore loads every table twice over (about 10-20 s alone, more beside the whole suite on two busy cores).
describe('restore', { timeout: 120_000 }, () => {
  it('rebuilds an empty database identical to the source, every table and sequence', async () => {
    const target = await createEmptyDatabase();
    const summary = await restoreDatabase({ connectionString: target, file, checks: [auditChainCheck] });
    expect(summary.checks.map((c) => [c.name, c.ok])).toEqual([
      ['row counts', true],
      ['foreign keys', true],
      ['audit chain', true],
    ]);
    const restored = await tableFingerprints(target);
    const { schema_migrations: _m, ...restoredData } = restored;
    const { schema_migrations: _o, ...originalData } = original;
    expect(restoredData).toEqual(originalData);
    expect(Object.keys(originalData).length).toBeGreaterThan(8);

    // The code sets this version ships are loaded by the restore's closing migrate.
    const codes = await sql(
      target,
      `select (select count(*)::int from icd10cm_codes) as icd, (select count(*)::int from hcpcs_codes) as hcpcs`,
    );
    expect(codes.rows[0]).toEqual({ icd: 98_186, hcpcs: 8_846 });
    const big = await sql(target, `select mfa_last_step::text as v from users where mfa_last_step is not null`);
    expect(big.rows).toEqual([{ v: BIG }]);
    // Sequences continue where the source stopped: no MRN or job id is handed out twice.
    const [srcSeq, dstSeq] = await Promise.all(
      [source.connectionString, target].map((cs) => sql(cs, `select last_value::text as v from patient_mrn_seq`)),
    );
    expect(dstSeq?.rows[0].v).toBe(srcSeq?.rows[0].v);
    const maxJob = await sql(target, `select max(id)::int as m from jobs`);
    const nextJob = await sql(target, `insert into jobs (queue) values ('after-restore') returning id::int as id`);
    expect(nextJob.rows[0].id).toBeGreaterThan(maxJob.rows[0].m);
    // The hash chain verifies over every sealed event of the copy.
    const pool = createPool({ connectionString: target, max: 1, appRole: false });
    const verification = await verifyAudit(createKysely<Database>(pool)).finally(() => pool.end());
    const events = await sql(source.connectionString, 'select count(*)::int as n from audit_events');
    expect(verification).toEqual({ ok: true, checked: events.rows[0].n, firstBadSeq: null });
    // The audit trail is still append-only after the restore.
    await expect(sql(target, 'delete from audit_events')).rejects.toThrow(/append-only/);
  });

  it('refuses a database that holds data unless forced, and --force replaces it', async () => {
    const target = await createEmptyDatabase();
    await restoreDatabase({ connectionString: target, file });
    await sql(target, `insert into organizations (name) values ('Someone Else''s Practice')`);
    await expect(restoreDatabase({ connectionString: target, file })).rejects.toThrow(RestoreRefusedError);
    await expect(restoreDatabase({ connectionString: target, file })).rejects.toThrow(/not empty .*--force/);
    const stillThere = await sql(target, `select count(*)::int as n from organizations where name = 'Someone Else''s Practice'`);
    expect(stillThere.rows[0].n).toBe(1);

    await restoreDatabase({ connectionString: target, file, force: true });
    const { schema_migrations: _m, ...after } = await tableFingerprints(target);
    const { schema_migrations: _o, ...before } = original;
    expect(after).toEqual(before);
  });

  it('the audit chain check catches an audit row changed after the load', async () => {
    const target = await createEmptyDatabase();
    await restoreDatabase({ connectionString: target, file });
    expect(await auditChainCheck.run(target)).toBeNull();
    const c = new pg.Client({ connectionString: target });
    await c.connect();
    await c.query('set session_replication_role = replica'); // a superuser bypassing the append-only trigger
    await c.query(`update audit_events set action = 'read' where seq = (select min(seq) from audit_events)`);
    await c.end();
    expect(await auditChainCheck.run(target)).toMatch(/hash chain breaks at seq \d+/);
  });

  it('restores as a database owner without superuser (user triggers off per table, foreign-key order)', async () => {
    const adminUrl = testServerAdminUrl();
    const role = `cd_owner_${randomBytes(4).toString('hex')}`;
    const dbName = `cd_t_${inject('pgTemplateDb').replace('cd_tpl_', '')}_o${randomBytes(4).toString('hex')}`;
    await sql(adminUrl, `create role ${role} login nosuperuser`);
    await sql(adminUrl, `create database ${dbName} owner ${role} template template0`);
    try {
      const asOwner = withDatabaseName(adminUrl, dbName).replace(/^(postgres(?:ql)?:\/\/)[^@/]*@/, `$1${role}@`);
      const summary = await restoreDatabase({ connectionString: asOwner, file, checks: [auditChainCheck] });
      expect(summary.replicaMode).toBe(false);
      expect(summary.checks.every((c) => c.ok)).toBe(true);
      const { schema_migrations: _m, ...after } = await tableFingerprints(asOwner);
      const { schema_migrations: _o, ...before } = original;
      expect(after).toEqual(before);
      // The triggers it turned off for the load are back on.
      await expect(sql(asOwner, 'delete from audit_events')).rejects.toThrow(/append-only/);
    } finally {
      await sql(adminUrl, `drop database if exists ${dbName} with (force)`);
      await sql(adminUrl, `drop role if exists ${role}`);
    }
  });

  it('a failed backup leaves no file behind', async () => {
    const notClinicDesk = await createEmptyDatabase();
    const out = path.join(dir, 'never.backup');
    await expect(backupDatabase({ connectionString: notClinicDesk, file: out, clinicdeskVersion: 'x' })).rejects.toThrow(
      /not a ClinicDesk database/,
    );
    expect(fs.readdirSync(dir).filter((f) => f.startsWith('never'))).toEqual([]);
  });

  it('refuses while another session is connected to the target', async () => {
    const target = await createEmptyDatabase();
    const other = new pg.Client({ connectionString: target });
    await other.connect();
    try {
      await expect(restoreDatabase({ connectionString: target, file })).rejects.toThrow(/other connection/);
    } finally {
      await other.end();
    }
  });

  it('rejects damaged files with a clear error and writes nothing', async () => {
    const target = await createEmptyDatabase();
    const bytes = fs.readFileSync(file);
    const text = gunzipSync(bytes).toString('utf8');

    const flipped = Buffer.from(bytes);
    const at = Math.floor(flipped.length / 2);
    flipped[at] = (flipped[at] as number) ^ 0xff;
    const truncated = gzipSync(text.split('\n').slice(0, -2).join('\n'));
    // Edit a value and re-gzip: gzip's CRC is fine, the chunk checksum is not.
    const edited = gzipSync(text.replace('Demo Family Practice', 'Evil Family Practice'));
    expect(text).toContain('Demo Family Practice');
    const cases: [string, Buffer, RegExp][] = [
      ['flipped byte', flipped, /damaged|checksum|not valid JSON|out of order|does not match|incomplete/],
      ['truncated', truncated, /incomplete/],
      ['edited', edited, /checksum mismatch in table organizations/],
      ['not a backup', gzipSync('{"hello":"world"}\n'), /not a ClinicDesk backup/],
      ['not gzip', Buffer.from('plain text'), /damaged or not a gzip/],
    ];
    for (const [name, content, message] of cases) {
      const bad = path.join(dir, `${name}.backup`);
      fs.writeFileSync(bad, content);
      const err = await restoreDatabase({ connectionString: target, file: bad }).catch((e: unknown) => e);
      expect(err, name).toBeInstanceOf(BackupFileError);
      expect((err as Error).message, name).toMatch(message);
    }
    const tables = await sql(target, `select count(*)::int as n from pg_tables where schemaname = 'public'`);
    expect(tables.rows[0].n).toBe(0);
  });
});

describe('clinicdesk backup / restore commands', () => {
  it('round-trip through the CLI with DATABASE_URL and print a summary', async () => {
    const target = await createEmptyDatabase();
    const cliFile = path.join(dir, 'cli.backup');
    const backup = await runCli(['backup', cliFile], { DATABASE_URL: source.connectionString });
    expect(backup.stderr).toBe('');
    expect(backup.code).toBe(0);
    expect(backup.stdout).toMatch(/backup written to .*cli\.backup: \d+ tables, \d+ rows/);

    const restore = await runCli(['restore', cliFile], { DATABASE_URL: target });
    expect(restore.code, restore.stderr).toBe(0);
    expect(restore.stdout).toMatch(/ok {3}row counts/);
    expect(restore.stdout).toMatch(/ok {3}foreign keys/);
    expect(restore.stdout).toMatch(/ok {3}audit chain/);
    expect(restore.stdout).toMatch(/restored \d+ rows/);
    const { schema_migrations: _m, ...after } = await tableFingerprints(target);
    const { schema_migrations: _o, ...before } = await tableFingerprints(source.connectionString);
    expect(after).toEqual(before);

    const again = await runCli(['restore', cliFile], { DATABASE_URL: target });
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/^clinicdesk: the target database is not empty/);
    expect(again.stderr).not.toMatch(/\n\s+at /); // no stack trace
  }, 60_000); // a ceiling for three child processes on busy shared cores, not a measurement
});
