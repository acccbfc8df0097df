/**
 * Starts the database the suite runs on and migrates a template database that
 * each test file clones (CREATE DATABASE … TEMPLATE), so files never share rows.
 *  - default: an embedded PostgreSQL in a temp dir, fsync off (throwaway data);
 *  - CLINICDESK_TEST_TARGET=external: the server at TEST_DATABASE_URL.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { migrate, startEmbedded, withDatabaseName } from '@db/index.ts';
import pg from 'pg';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    pgAdminUrl: string;
    pgTemplateDb: string;
    pgTarget: 'embedded' | 'external';
  }
}

export default async function setup(project: TestProject) {
  const external = process.env.CLINICDESK_TEST_TARGET === 'external';
  let adminUrl: string;
  let stop = async () => {};
  if (external) {
    const url = process.env.TEST_DATABASE_URL;
    if (!url) throw new Error('CLINICDESK_TEST_TARGET=external needs TEST_DATABASE_URL');
    adminUrl = url;
  } else {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cd-test-'));
    const server = await startEmbedded({ dataDir: dir, fsync: false });
    adminUrl = server.connectionString('postgres');
    stop = async () => {
      await server.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    };
  }
  const templateDb = `cd_tpl_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${templateDb}`);
  await admin.query(`create database ${templateDb}`);
  await migrate(withDatabaseName(adminUrl, templateDb));
  project.provide('pgAdminUrl', adminUrl);
  project.provide('pgTemplateDb', templateDb);
  project.provide('pgTarget', external ? 'external' : 'embedded');
  return async () => {
    // Drop databases this run created (template and per-file clones).
    const dbs = await admin.query<{ datname: string }>(`select datname from pg_database where datname = $1 or datname like $2`, [
      templateDb,
      `cd_t_${process.pid}_%`,
    ]);
    for (const { datname } of dbs.rows) await admin.query(`drop database if exists ${datname} with (force)`).catch(() => undefined);
    await admin.end();
    await stop();
  };
}
