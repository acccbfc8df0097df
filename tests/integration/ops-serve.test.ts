/**
 * `clinicdesk serve` as a process, on the embedded database in a temp DATA_DIR:
 * a second serve on the same DATA_DIR is refused cleanly without disturbing the
 * first; CLI commands share the running server's database; after SIGKILL the next
 * start recovers (stale clinicdesk.pid, orphaned postmaster) and serves /readyz;
 * SIGTERM stops everything and releases the data dir.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { verifyBackup } from '@db/backup/index.ts';
import { afterAll, describe, expect, it } from 'vitest';
import { captureOutput, exited, freePort, httpStatus, ROOT, runCli, waitUntil } from '../helpers/ops.ts';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cd-serve-'));
const children: ChildProcess[] = [];
const env = (port: number) => ({
  DATA_DIR: dataDir,
  PORT: String(port),
  HOST: '127.0.0.1',
  DATABASE_URL: '',
  CLINICDESK_DEMO: '0',
  CLINICDESK_ADMIN_EMAIL: '',
  CLINICDESK_ADMIN_PASSWORD: '',
  LOG_LEVEL: 'warn',
});

afterAll(async () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  // A postmaster orphaned by the SIGKILL above would hold the dir; stop it.
  const pidFile = path.join(dataDir, 'pg/postmaster.pid');
  if (fs.existsSync(pidFile)) {
    const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
    try {
      process.kill(pid, 'SIGINT');
    } catch {}
  }
  await new Promise((r) => setTimeout(r, 500));
  fs.rmSync(dataDir, { recursive: true, force: true });
});

function serve(port: number): { child: ChildProcess; output: () => string } {
  const child = spawn(process.execPath, [path.join(ROOT, 'bin/clinicdesk.js'), 'serve'], {
    cwd: ROOT,
    env: { ...process.env, ...env(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  const output = captureOutput(child);
  return { child, output };
}

async function ready(port: number, s: { child: ChildProcess; output: () => string }) {
  await waitUntil(
    async () => {
      if (s.child.exitCode !== null) throw new Error(`serve exited: ${s.output()}`);
      return (await httpStatus(`http://127.0.0.1:${port}/readyz`)) === 200;
    },
    45_000,
    '/readyz',
  );
}

const pidAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};
const postmasterPid = () => Number(fs.readFileSync(path.join(dataDir, 'pg/postmaster.pid'), 'utf8').split('\n')[0]);

describe('clinicdesk serve on one DATA_DIR', () => {
  it('refuses a second serve cleanly, shares the database with CLI commands, and recovers from SIGKILL', async () => {
    const port = await freePort();
    const first = serve(port);
    await ready(port, first);

    // A second ClinicDesk on the same data dir: a clear message, exit 1, no stack trace.
    const second = await runCli(['serve'], env(await freePort()));
    expect(second.code).toBe(1);
    expect(second.stderr).toContain(`DATA_DIR ${dataDir} is already in use by ClinicDesk process ${first.child.pid}`);
    expect(second.stderr).not.toMatch(/\n\s+at /);
    expect(await httpStatus(`http://127.0.0.1:${port}/readyz`)).toBe(200);

    // CLI commands use the running server's database rather than being refused.
    const file = path.join(dataDir, 'live.backup');
    const backup = await runCli(['backup', file], env(port));
    expect(backup.code, backup.stderr).toBe(0);
    expect((await verifyBackup(file)).migrations.length).toBeGreaterThan(0);
    const restore = await runCli(['restore', file], env(port));
    expect(restore.code).toBe(1);
    expect(restore.stderr).toMatch(/other connection\(s\) to this database: stop ClinicDesk/);
    expect(await httpStatus(`http://127.0.0.1:${port}/readyz`)).toBe(200);

    // SIGKILL: the lock goes stale and the postmaster is orphaned.
    const orphan = postmasterPid();
    first.child.kill('SIGKILL');
    await exited(first.child);
    expect(pidAlive(orphan)).toBe(true);
    expect(Number(fs.readFileSync(path.join(dataDir, 'clinicdesk.pid'), 'utf8'))).toBe(first.child.pid);

    const port2 = await freePort();
    const again = serve(port2);
    await ready(port2, again);
    expect(pidAlive(orphan)).toBe(false);
    expect(Number(fs.readFileSync(path.join(dataDir, 'clinicdesk.pid'), 'utf8'))).toBe(again.child.pid);

    // SIGTERM: a clean exit that stops PostgreSQL and releases the data dir.
    const current = postmasterPid();
    again.child.kill('SIGTERM');
    expect(await exited(again.child)).toBe(0);
    expect(pidAlive(current)).toBe(false);
    expect(fs.existsSync(path.join(dataDir, 'clinicdesk.pid'))).toBe(false);
  }, 120_000);
});
