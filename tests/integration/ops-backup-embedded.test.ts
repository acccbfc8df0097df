/**
 * Backup and restore through the CLI on the embedded database: the practice on one
 * DATA_DIR moves to a fresh DATA_DIR (a new machine) and arrives identical.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startEmbedded } from '@db/embedded.ts';
import { EMBEDDED_DB_NAME } from '@db/resolve.ts';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, tableFingerprints } from '../helpers/ops.ts';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cd-emb-backup-'));
// As root, PostgreSQL runs as the `postgres` user, which must be able to traverse to the data dirs.
fs.chmodSync(root, 0o711);
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

async function fingerprints(dataDir: string) {
  const server = await startEmbedded({ dataDir });
  try {
    const { schema_migrations: _m, ...tables } = await tableFingerprints(server.connectionString(EMBEDDED_DB_NAME));
    return tables;
  } finally {
    await server.stop();
  }
}

describe('clinicdesk backup / restore on the embedded database', () => {
  it('moves a practice from one DATA_DIR to a fresh one', async () => {
    const from = path.join(root, 'old-machine');
    const to = path.join(root, 'new-machine');
    const file = path.join(root, 'practice.backup');
    const env = (dataDir: string) => ({ DATA_DIR: dataDir, DATABASE_URL: '' });

    const seed = await runCli(['seed', 'demo', '--patients', '10'], env(from));
    expect(seed.code, seed.stderr).toBe(0);
    const backup = await runCli(['backup', file], env(from));
    expect(backup.code, backup.stderr).toBe(0);
    const restore = await runCli(['restore', file], env(to));
    expect(restore.code, restore.stderr).toBe(0);
    expect(restore.stdout).toMatch(/ok {3}audit chain/);

    const [before, after] = [await fingerprints(from), await fingerprints(to)];
    expect(before.patients?.rows).toBe(10);
    expect(after).toEqual(before);
    // Each CLI run stopped its embedded server and released the data dir.
    expect(fs.existsSync(path.join(to, 'clinicdesk.pid'))).toBe(false);
  }, 180_000); // a ceiling for three child processes and two clusters on busy shared cores (33 s alone, over 90 s beside the rest of the suite)
});
