/**
 * Once per browser-test run: `clinicdesk serve` on an empty data dir (initdb, migrations, the
 * code sets, the demo practice: the first start a newcomer gets), then a clean SIGTERM. The
 * stopped server's data dir is what every file's server starts from, on a copy of its own
 * (helpers/server.ts), so no file pays for migrations, the code sets or the demo seed again.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { localDate, serve } from './serve.ts';

export default async function setup(project: TestProject) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cd-e2e-demo-'));
  const cleanup = () => fs.rmSync(dataDir, { recursive: true, force: true });
  try {
    // No job runner or periodic work here: each file's server starts them on its own copy.
    const seededAt = new Date(); // the demo is laid out around this day (the seed runs after it)
    const server = await serve(dataDir, { CLINICDESK_JOBS: '0' });
    let zones: string[];
    try {
      // The cluster lives in the data dir itself (os.tmpdir() is open to the postgres user), so a copy is a whole cluster.
      if (fs.lstatSync(path.join(dataDir, 'pg')).isSymbolicLink()) throw new Error(`${dataDir}/pg is a link: it cannot be copied per file`);
      const client = new pg.Client({ host: path.join(dataDir, 'run'), port: 5432, user: 'postgres', database: 'clinicdesk' });
      await client.connect();
      try {
        zones = (await client.query<{ time_zone: string }>('select distinct time_zone from locations')).rows.map((r) => r.time_zone);
        if (zones.length === 0) throw new Error(`the first start did not create the demo practice:\n${server.output()}`);
      } finally {
        await client.end();
      }
    } finally {
      await server.stop();
    }
    if (server.child.exitCode !== 0) throw new Error(`clinicdesk serve exited with ${server.child.exitCode}:\n${server.output()}`);
    for (const lock of ['clinicdesk.pid', 'pg/postmaster.pid']) {
      if (fs.existsSync(path.join(dataDir, lock))) throw new Error(`${lock} is left after a clean stop:\n${server.output()}`);
    }
    project.provide('e2eDemoDataDir', dataDir);
    project.provide('e2eDemoSeededDates', Object.fromEntries(zones.map((z) => [z, localDate(seededAt, z)])));
  } catch (e) {
    cleanup();
    throw e;
  }
  return cleanup;
}
