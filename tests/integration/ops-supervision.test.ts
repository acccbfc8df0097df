/**
 * ClinicDesk supervises the embedded PostgreSQL it started, and trusts its lock files only as
 * far as their processes prove them: a postmaster killed under a running `clinicdesk serve` is
 * restarted (logged at error, /readyz 503 meanwhile, then 200 and sign-in again); one that
 * cannot come back makes serve exit non-zero for the process supervisor; a postmaster.pid or
 * clinicdesk.pid naming a live process that is not what the file says (a PID reused after a
 * crash or a reboot) is neither signalled nor obeyed. (A lock held by a live ClinicDesk is still
 * refused: ops-serve.test.ts.)
 */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startEmbedded } from '@db/embedded.ts';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { captureOutput, exited, freePort, httpStatus, ROOT, waitUntil } from '../helpers/ops.ts';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cd-supervise-'));
// As root, PostgreSQL runs as the `postgres` user, which must be able to traverse to the data dirs.
fs.chmodSync(root, 0o711);
const children: ChildProcess[] = [];
const ADMIN = { email: 'admin@supervise.test', password: 'a-long-supervision-passphrase-2026' };

const pidAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};
const postmasterPid = (dataDir: string) => Number(fs.readFileSync(path.join(dataDir, 'pg/postmaster.pid'), 'utf8').split('\n')[0]);
const parentOf = (pid: number) => {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
};
const isPostgres = (pid: number) => {
  try {
    return path.basename(fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0')[0] ?? '') === 'postgres';
  } catch {
    return false;
  }
};

afterAll(async () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  // A postmaster left behind by a failed test would keep its data dir; stop it (only if it is one).
  for (const dir of fs.readdirSync(root)) {
    try {
      const pid = postmasterPid(path.join(root, dir));
      if (isPostgres(pid)) process.kill(pid, 'SIGINT');
    } catch {}
  }
  await new Promise((r) => setTimeout(r, 500));
  fs.rmSync(root, { recursive: true, force: true });
});

/** A sleeping process that has nothing to do with ClinicDesk, whose PID a stale file will name. */
function unrelatedProcess(): ChildProcess {
  const sleeper = spawn('sleep', ['600'], { stdio: 'ignore' });
  children.push(sleeper);
  return sleeper;
}

interface Serve {
  child: ChildProcess;
  output: () => string;
  /** The JSON log lines written so far. */
  logs: () => { level: number; msg: string; [k: string]: unknown }[];
}

function serve(dataDir: string, port: number): Serve {
  const child = spawn(process.execPath, [path.join(ROOT, 'bin/clinicdesk.js'), 'serve'], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: '',
      CLINICDESK_DEMO: '0',
      CLINICDESK_ADMIN_EMAIL: ADMIN.email,
      CLINICDESK_ADMIN_PASSWORD: ADMIN.password,
      CLINICDESK_REQUIRE_MFA: '0',
      LOG_LEVEL: 'info',
      LOG_FORMAT: 'json',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  const output = captureOutput(child);
  const logs = () =>
    output()
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l));
  return { child, output, logs };
}

async function ready(port: number, s: Serve) {
  await waitUntil(
    async () => {
      if (s.child.exitCode !== null) throw new Error(`serve exited: ${s.output()}`);
      return (await httpStatus(`http://127.0.0.1:${port}/readyz`)) === 200;
    },
    120_000,
    '/readyz',
  );
}

/** The first log line with this message, once the server has written it. */
async function logLine(s: Serve, msg: string) {
  await waitUntil(() => s.logs().some((l) => l.msg === msg), 30_000, `log line "${msg}"`);
  return s.logs().find((l) => l.msg === msg);
}

async function signIn(port: number): Promise<string> {
  const res = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(ADMIN),
  });
  const body = (await res.json()) as { token: string };
  expect(res.status, JSON.stringify(body)).toBe(200);
  return body.token;
}

async function api(port: number, token: string, method: string, url: string, body?: unknown) {
  const res = await fetch(`http://127.0.0.1:${port}${url}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

describe('a running serve supervises its embedded PostgreSQL', () => {
  it('restarts a postmaster killed with SIGKILL: logged at error, /readyz 503 meanwhile, then 200, sign-in and reads again', async () => {
    const dataDir = path.join(root, 'restart');
    const port = await freePort();
    const s = serve(dataDir, port);
    await ready(port, s);
    const token = await signIn(port);
    const created = await api(port, token, 'POST', '/api/patients', {
      givenName: 'Philippa',
      familyName: 'Restartwell',
      birthDate: '1970-04-05',
      confirmNotDuplicate: true,
    });
    expect(created.status, JSON.stringify(created.json)).toBe(201);

    const killed = postmasterPid(dataDir);
    expect(parentOf(killed)).toBe(s.child.pid);
    process.kill(killed, 'SIGKILL');

    // Down: the probe says so, and the error-level line names what happened.
    let sawUnavailable = false;
    await waitUntil(
      async () => {
        if (s.child.exitCode !== null) throw new Error(`serve exited: ${s.output()}`);
        const status = await httpStatus(`http://127.0.0.1:${port}/readyz`);
        if (status === 503) sawUnavailable = true;
        return sawUnavailable && status === 200;
      },
      120_000,
      '/readyz 503 and then 200 again',
    );
    expect(await logLine(s, 'embedded PostgreSQL stopped unexpectedly; restarting it')).toMatchObject({
      level: 50,
      component: 'postgres',
      postmasterPid: killed,
      signal: 'SIGKILL',
    });
    expect(await logLine(s, 'embedded PostgreSQL restarted')).toMatchObject({ level: 30, component: 'postgres' });

    // A new postmaster, ClinicDesk's child again; the process itself never restarted.
    const restarted = postmasterPid(dataDir);
    expect(restarted).not.toBe(killed);
    expect(parentOf(restarted)).toBe(s.child.pid);
    expect(s.child.exitCode).toBeNull();
    const again = await signIn(port);
    const read = await api(port, again, 'GET', `/api/patients/${created.json.id}`);
    expect(read.status).toBe(200);
    expect(read.json).toMatchObject({ givenName: 'Philippa', familyName: 'Restartwell' });

    s.child.kill('SIGTERM');
    expect(await exited(s.child)).toBe(0);
    expect(pidAlive(restarted)).toBe(false);
    expect(fs.existsSync(path.join(dataDir, 'clinicdesk.pid'))).toBe(false);
  }, 240_000);

  it('exits non-zero when the embedded PostgreSQL cannot be brought back, so a supervisor restarts it', async () => {
    const dataDir = path.join(root, 'gives-up');
    const port = await freePort();
    const s = serve(dataDir, port);
    await ready(port, s);
    // The cluster goes away with its server: no restart can succeed.
    const killed = postmasterPid(dataDir);
    fs.renameSync(path.join(dataDir, 'pg'), path.join(dataDir, 'pg-gone'));
    process.kill(killed, 'SIGKILL');
    // Five attempts, 1 s before the first and doubling: about half a minute.
    const code = await Promise.race([
      // 'close', not 'exit': the last lines it wrote have been read too.
      new Promise((r) => s.child.once('close', (c) => r(c))),
      new Promise((r) => setTimeout(() => r('still running'), 150_000)),
    ]);
    expect(code, s.output()).toBe(1);
    // In the order they were logged (the last two may reach the pipe swapped as the process exits).
    const errors = s
      .logs()
      .filter((l) => l.level >= 50 && l.component === 'postgres')
      .sort((a, b) => Number(a.time) - Number(b.time) || Number(a.msg.startsWith('giving up')) - Number(b.msg.startsWith('giving up')));
    expect(
      errors.map((l) => l.msg),
      s.output(),
    ).toEqual([
      'embedded PostgreSQL stopped unexpectedly; restarting it',
      ...Array(5).fill('embedded PostgreSQL did not restart'),
      'giving up on the embedded PostgreSQL',
    ]);
    expect(errors.map((l) => l.attempt)).toEqual([undefined, 1, 2, 3, 4, 5, undefined]);
  }, 240_000);
});

describe('the supervisor in-process', () => {
  it('stopping while it waits to restart starts nothing and releases the data dir', async () => {
    const dataDir = path.join(root, 'stop-while-down');
    const events: string[] = [];
    const logger = { error: (_: object, msg: string) => events.push(msg), info: (_: object, msg: string) => events.push(msg) };
    const server = await startEmbedded({
      dataDir,
      fsync: false,
      supervise: { logger, onGiveUp: () => events.push('gave up'), backoffMs: 60_000 },
    });
    const killed = postmasterPid(dataDir);
    process.kill(killed, 'SIGKILL');
    await waitUntil(() => events.length > 0, 30_000, 'the supervisor to notice');
    const started = Date.now();
    await server.stop();
    // The wait for the next attempt (a minute) is cut short.
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(events).toEqual(['embedded PostgreSQL stopped unexpectedly; restarting it']);
    expect(fs.existsSync(path.join(dataDir, 'clinicdesk.pid'))).toBe(false);
    expect(postmasterPid(dataDir)).toBe(killed); // nothing new was started
  }, 120_000);
});

describe('stale lock files', () => {
  it('a postmaster.pid naming a live process that is not this cluster’s postmaster is not signalled; PostgreSQL starts', async () => {
    const dataDir = path.join(root, 'stale-postmaster');
    // What a reboot leaves: the file of a server that is gone, its PID now another program's.
    const first = await startEmbedded({ dataDir, fsync: false });
    const leftOver = fs.readFileSync(path.join(dataDir, 'pg/postmaster.pid'), 'utf8').split('\n');
    await first.stop();
    const sleeper = unrelatedProcess();
    fs.writeFileSync(path.join(dataDir, 'pg/postmaster.pid'), [String(sleeper.pid), ...leftOver.slice(1)].join('\n'));

    const log: string[] = [];
    const server = await startEmbedded({ dataDir, fsync: false, log: (l) => log.push(l) });
    try {
      expect(pidAlive(sleeper.pid as number)).toBe(true);
      expect(sleeper.exitCode).toBeNull();
      expect(log.join('\n')).toContain(`postmaster.pid names process ${sleeper.pid}, which is not PostgreSQL on this data dir`);
      expect(log.join('\n')).not.toContain('stopping orphaned PostgreSQL');
      const c = new pg.Client({ connectionString: server.connectionString() });
      await c.connect();
      expect((await c.query('select 1 as one')).rows).toEqual([{ one: 1 }]);
      await c.end();
      expect(postmasterPid(dataDir)).not.toBe(sleeper.pid);
    } finally {
      await server.stop();
    }
    expect(pidAlive(sleeper.pid as number)).toBe(true);
  }, 120_000);

  it('a clinicdesk.pid naming a live process that is not a ClinicDesk on this DATA_DIR does not block a start', async () => {
    const dataDir = path.join(root, 'stale-owner');
    const sleeper = unrelatedProcess();
    fs.mkdirSync(dataDir, { recursive: true });
    fs.writeFileSync(path.join(dataDir, 'clinicdesk.pid'), `${sleeper.pid}\n`);

    const server = await startEmbedded({ dataDir, fsync: false });
    try {
      expect(Number(fs.readFileSync(path.join(dataDir, 'clinicdesk.pid'), 'utf8'))).toBe(process.pid);
      expect(pidAlive(sleeper.pid as number)).toBe(true);
    } finally {
      await server.stop();
    }
    expect(fs.existsSync(path.join(dataDir, 'clinicdesk.pid'))).toBe(false);
    expect(pidAlive(sleeper.pid as number)).toBe(true);
  }, 120_000);
});
