/**
 * Crash safety: a writer is killed with SIGKILL in the middle of a stream of
 * committed transactions; every id it reported as committed must be there after
 * the restart. On the embedded server the supervisor must also recover from what
 * the crash leaves behind: a stale clinicdesk.pid and an orphaned postmaster (only
 * the Node process died), or a cluster that needs WAL crash recovery (everything
 * died at once).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startEmbedded } from '@db/embedded.ts';
import { createTestDatabase } from '@db/testing.ts';
import type { Database } from '@domain/database.ts';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { exited, ROOT, waitUntil } from '../helpers/ops.ts';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

function tmpDataDir(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'cd-crash-'));
  dirs.push(d);
  return d;
}

interface Writer {
  child: ChildProcess;
  committed: number[];
}

/** Start the writer (its own process group, so the whole group can be killed) and wait for `minimum` commits. */
async function startWriter(env: Record<string, string>, minimum: number): Promise<Writer> {
  const child = spawn(process.execPath, [path.join(ROOT, 'bin/run-ts.js'), 'tests/helpers/crash-writer.ts'], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const committed: number[] = [];
  let buffer = '';
  let stderr = '';
  child.stdout?.on('data', (d: Buffer) => {
    buffer += d.toString();
    const lines = buffer.split('\n');
    buffer = lines.pop() ?? '';
    for (const line of lines) {
      const m = /^committed (\d+)$/.exec(line);
      if (m) committed.push(Number(m[1]));
    }
  });
  child.stderr?.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  await waitUntil(
    () => {
      if (child.exitCode !== null) throw new Error(`writer exited early: ${stderr}`);
      return committed.length >= minimum;
    },
    30_000,
    `${minimum} commits`,
  );
  return { child, committed };
}

async function missingIds(connectionString: string, ids: number[]): Promise<number[]> {
  const c = new pg.Client({ connectionString });
  await c.connect();
  try {
    const r = await c.query<{ id: number }>(
      'select x.id from unnest($1::bigint[]) as x(id) where not exists (select 1 from crash_rows r where r.id = x.id)',
      [ids],
    );
    return r.rows.map((row) => Number(row.id));
  } finally {
    await c.end();
  }
}

const pidAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

const postmasterPid = (dataDir: string) => Number(fs.readFileSync(path.join(dataDir, 'pg/postmaster.pid'), 'utf8').split('\n')[0]);

describe('crash safety', () => {
  it('keeps every committed row when the writer is SIGKILLed (this run’s database)', async () => {
    const t = await createTestDatabase<Database>();
    const writer = await startWriter({ WRITER_DATABASE_URL: t.connectionString }, 100);
    writer.child.kill('SIGKILL');
    await exited(writer.child);
    expect(writer.committed.length).toBeGreaterThanOrEqual(100);
    expect(await missingIds(t.connectionString, writer.committed)).toEqual([]);
  });

  it('embedded: recovers the orphaned postmaster and stale lock left by a SIGKILLed owner; committed rows survive', async () => {
    const dataDir = tmpDataDir();
    const writer = await startWriter({ WRITER_DATA_DIR: dataDir }, 100);
    const orphan = postmasterPid(dataDir);
    process.kill(writer.child.pid as number, 'SIGKILL'); // the Node process only: postgres keeps running
    await exited(writer.child);
    // What the crash left: the lock names a dead process, the postmaster is alive and orphaned.
    expect(Number(fs.readFileSync(path.join(dataDir, 'clinicdesk.pid'), 'utf8'))).toBe(writer.child.pid);
    expect(pidAlive(orphan)).toBe(true);

    const log: string[] = [];
    const server = await startEmbedded({ dataDir, fsync: true, log: (l) => log.push(l) });
    try {
      expect(log.join('\n')).toContain(`stopping orphaned PostgreSQL (pid ${orphan})`);
      expect(pidAlive(orphan)).toBe(false);
      expect(Number(fs.readFileSync(path.join(dataDir, 'clinicdesk.pid'), 'utf8'))).toBe(process.pid);
      expect(await missingIds(server.connectionString('postgres'), writer.committed)).toEqual([]);
    } finally {
      await server.stop();
    }
    expect(fs.existsSync(path.join(dataDir, 'clinicdesk.pid'))).toBe(false);
  });

  it('embedded: after the owner and PostgreSQL are all SIGKILLed, WAL recovery keeps every committed row', async () => {
    const dataDir = tmpDataDir();
    const writer = await startWriter({ WRITER_DATA_DIR: dataDir }, 100);
    const postmaster = postmasterPid(dataDir);
    process.kill(-(writer.child.pid as number), 'SIGKILL'); // the whole process group: Node, postmaster, backends
    await exited(writer.child);
    await waitUntil(() => !pidAlive(postmaster), 10_000, 'postmaster to die');

    const log: string[] = [];
    const server = await startEmbedded({ dataDir, fsync: true, log: (l) => log.push(l) });
    try {
      expect(log.join('\n')).toMatch(/not properly shut down|automatic recovery/);
      expect(await missingIds(server.connectionString('postgres'), writer.committed)).toEqual([]);
    } finally {
      await server.stop();
    }
  });
});
