import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { MigrationIntegrityError, migrate, migrationChecksum, planMigrations } from './migrate.ts';
import { testServerAdminUrl } from './testing.ts';
import { withDatabaseName } from './url.ts';

const file = (name: string, sql = `-- ${name}`) => ({ name, checksum: migrationChecksum(sql) });

describe('planMigrations', () => {
  it('applies the pending files in order, recording nothing twice', () => {
    const files = [file('0001_a.sql'), file('0002_b.sql'), file('0003_c.sql')];
    expect(planMigrations(files, [])).toEqual(['0001_a.sql', '0002_b.sql', '0003_c.sql']);
    expect(planMigrations(files, [{ name: '0001_a.sql', checksum: file('0001_a.sql').checksum }])).toEqual(['0002_b.sql', '0003_c.sql']);
  });

  it('refuses an applied migration that was edited, and accepts one applied before checksums were kept', () => {
    const files = [file('0001_a.sql', 'create table a (id int);'), file('0002_b.sql')];
    const edited = [{ name: '0001_a.sql', checksum: migrationChecksum('create table a (id bigint);') }];
    expect(() => planMigrations(files, edited)).toThrow(/0001_a.sql was edited after it was applied/);
    expect(planMigrations(files, [{ name: '0001_a.sql', checksum: null }])).toEqual(['0002_b.sql']);
    // Line endings alone are not an edit.
    expect(migrationChecksum('a;\r\nb;\r\n')).toBe(migrationChecksum('a;\nb;\n'));
  });

  it('refuses a new migration that sorts before the last applied one, a missing applied one, and a shared number', () => {
    const applied = [
      { name: '0001_a.sql', checksum: null },
      { name: '0005_e.sql', checksum: null },
    ];
    expect(() => planMigrations([file('0001_a.sql'), file('0003_late.sql'), file('0005_e.sql')], applied)).toThrow(
      /0003_late.sql sorts before 0005_e.sql/,
    );
    expect(() => planMigrations([file('0001_a.sql')], applied)).toThrow(
      /0005_e.sql was applied to this database but is not in this ClinicDesk/,
    );
    expect(() => planMigrations([file('0001_a.sql'), file('0001_b.sql')], [])).toThrow(MigrationIntegrityError);
  });
});

describe('migrate', () => {
  it('stores a checksum per applied migration and refuses to run once an applied file is edited, changing nothing', async () => {
    const admin = new pg.Client({ connectionString: testServerAdminUrl() });
    await admin.connect();
    const name = `cd_migr_${process.pid}_${Date.now()}`;
    await admin.query(`create database ${name}`);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cd-migrations-'));
    try {
      const url = withDatabaseName(testServerAdminUrl(), name);
      fs.writeFileSync(path.join(dir, '0001_one.sql'), 'create table one (id int);');
      expect((await migrate(url, () => undefined, { dir })).applied).toEqual(['0001_one.sql']);
      const db = new pg.Client({ connectionString: url });
      await db.connect();
      try {
        const rows = (await db.query('select name, checksum from schema_migrations')).rows;
        expect(rows).toEqual([{ name: '0001_one.sql', checksum: migrationChecksum('create table one (id int);') }]);
        fs.writeFileSync(path.join(dir, '0001_one.sql'), 'create table one (id bigint);');
        fs.writeFileSync(path.join(dir, '0002_two.sql'), 'create table two (id int);');
        await expect(migrate(url, () => undefined, { dir })).rejects.toThrow(/0001_one.sql was edited/);
        expect((await db.query(`select to_regclass('public.two') as t`)).rows[0].t).toBeNull();
      } finally {
        await db.end();
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  });
});
