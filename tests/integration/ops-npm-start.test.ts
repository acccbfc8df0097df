/**
 * `npm start`, the way the README runs ClinicDesk: a SIGTERM or SIGINT to the npm process
 * stops the server and its embedded PostgreSQL cleanly (npm hands the signal on to its child,
 * which must be the server itself, not a shell that dies of it), and when npm is killed outright
 * the server notices its parent is gone and stops as well. Each start is checked through
 * /proc: npm, the server and the postmaster are all gone, and the data dir's lock files removed.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { captureOutput, freePort, httpStatus, ROOT, waitUntil } from '../helpers/ops.ts';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cd-npm-start-'));
// As root, PostgreSQL runs as the `postgres` user, which must be able to traverse to the data dir.
fs.chmodSync(dataDir, 0o711);
const started: ChildProcess[] = [];
const runs: Running[] = [];

const alive = (pid: number) => fs.existsSync(`/proc/${pid}`) && !/^\d+ \(.*\) Z/.test(fs.readFileSync(`/proc/${pid}/stat`, 'utf8'));

/** Processes below `pid`, from /proc (its children, theirs, ...). */
function descendants(pid: number): number[] {
  const parents = new Map<number, number>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {} // gone meanwhile
  }
  const out: number[] = [];
  const walk = (p: number) => {
    for (const [child, parent] of parents) {
      if (parent === p) {
        out.push(child);
        walk(child);
      }
    }
  };
  walk(pid);
  return out;
}

const cmdline = (pid: number) => {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
  } catch {
    return '';
  }
};

afterAll(async () => {
  for (const npm of started) {
    for (const pid of descendants(npm.pid as number).reverse()) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {}
    }
    if (npm.exitCode === null && npm.signalCode === null) npm.kill('SIGKILL');
  }
  // What a failed test left behind, no longer below npm (reparented when npm went).
  for (const r of runs) {
    for (const [pid, signal] of [
      [r.server, 'SIGKILL'],
      [r.postmaster, 'SIGINT'],
    ] as const) {
      if (alive(pid) && (pid === r.server ? /clinicdesk\.js/ : /postgres/).test(cmdline(pid))) process.kill(pid, signal);
    }
  }
  await new Promise((r) => setTimeout(r, 500));
  fs.rmSync(dataDir, { recursive: true, force: true });
});

interface Running {
  npm: ChildProcess;
  server: number;
  postmaster: number;
  output: () => string;
}

async function npmStart(): Promise<Running> {
  const port = await freePort();
  const npm = spawn('npm', ['start'], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: '',
      CLINICDESK_DEMO: '0',
      CLINICDESK_ADMIN_EMAIL: '',
      CLINICDESK_ADMIN_PASSWORD: '',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started.push(npm);
  const output = captureOutput(npm);
  // The first start may build the web UI: a generous bound.
  await waitUntil(
    async () => {
      if (npm.exitCode !== null) throw new Error(`npm start exited: ${output()}`);
      return (await httpStatus(`http://127.0.0.1:${port}/readyz`)) === 200;
    },
    300_000,
    '/readyz',
  );
  const server = descendants(npm.pid as number).find((pid) => /bin\/clinicdesk\.js serve/.test(cmdline(pid)));
  if (!server)
    throw new Error(
      `no server below npm: ${descendants(npm.pid as number)
        .map(cmdline)
        .join('\n')}`,
    );
  const postmaster = Number(fs.readFileSync(path.join(dataDir, 'pg/postmaster.pid'), 'utf8').split('\n')[0]);
  const run = { npm, server, postmaster, output };
  runs.push(run);
  expect(descendants(server)).toContain(postmaster);
  return run;
}

async function allStopped(r: Running) {
  await waitUntil(() => ![r.npm.pid as number, r.server, r.postmaster].some(alive), 60_000, 'npm, the server and PostgreSQL to stop');
  // A clean stop: PostgreSQL removed its lock file, ClinicDesk released the data dir.
  expect(fs.existsSync(path.join(dataDir, 'pg/postmaster.pid')), r.output()).toBe(false);
  expect(fs.existsSync(path.join(dataDir, 'clinicdesk.pid'))).toBe(false);
  expect(r.output()).not.toMatch(/orphaned PostgreSQL|shutdown failed/);
}

describe('npm start', () => {
  it.each(['SIGTERM', 'SIGINT'] as const)(
    '%s to npm stops the server and its PostgreSQL',
    async (signal) => {
      const r = await npmStart();
      r.npm.kill(signal);
      await allStopped(r);
    },
    420_000,
  );

  it('SIGKILL to npm: the server notices its parent is gone and stops cleanly', async () => {
    const r = await npmStart();
    r.npm.kill('SIGKILL');
    await allStopped(r);
  }, 420_000);
});
