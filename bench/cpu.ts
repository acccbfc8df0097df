/**
 * CPU time per request, read from /proc, for the server under load and the PostgreSQL
 * processes working for it. On a shared 2-core machine, req/s and latency move with whatever
 * else runs; CPU time spent per request moves far less, so it is the figure targets are set in.
 *
 * What a window counts (a snapshot before the measured run, one after, the difference):
 *  - server: the Node process serving HTTP, every thread (schedstat, nanoseconds), plus the
 *    children it reaped during the window (cutime/cstime);
 *  - db: the client backends of that server's pool, found in pg_stat_activity by database and
 *    application_name (the bench's own connections carry another name and are left out);
 *  - background (embedded cluster only): the postmaster, its other children (checkpointer,
 *    WAL writer, autovacuum...) and the children it reaped during the window (exited
 *    backends, autovacuum workers). On an external server these serve every database of the
 *    cluster, other people's tests included, so they are not counted (null);
 *  - client: this process (autocannon or the sequential fetches), to tell the load that is
 *    ours from the machine's other load.
 * The headline figure is server + db. A backend that exits inside the window loses its CPU
 * from the per-pid sum (its count is reported); under load the pool's connections live on.
 * A thread that exits inside the window does too (Node's threads are long-lived).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';

export interface CpuTarget {
  /** What the figures are about, for messages. */
  label: string;
  /** The Node process serving HTTP. */
  serverPid: number;
  /**
   * Pids of the PostgreSQL backends serving it right now, and of every client backend of the
   * cluster (kept out of the background figure); undefined when they are not on this machine.
   */
  backends(): Promise<{ serving: number[]; clients: number[] } | undefined>;
  /** The embedded cluster's postmaster, when it runs on this machine under our control. */
  postmasterPid?: number | undefined;
}

interface MachineTicks {
  total: number;
  idle: number;
}

export interface CpuSnapshot {
  atMs: number;
  machine: MachineTicks;
  serverNs: number;
  clientNs: number;
  /** Per backend pid; undefined when the backends cannot be read. */
  backends: Map<number, number> | undefined;
  backgroundNs: number | undefined;
}

export interface CpuWindow {
  /** Server + db, CPU-ms per completed request. */
  cpuMsPerRequest: number | null;
  serverCpuMsPerRequest: number;
  dbCpuMsPerRequest: number | null;
  /** Embedded cluster only: postmaster, background processes, exited children. */
  dbBackgroundCpuMsPerRequest: number | null;
  clientCpuMsPerRequest: number;
  /** Share of the whole machine (all cores) busy during the window. */
  busyPercent: number;
  /** Of that, the share that is neither the server, its database processes nor this process. */
  otherLoadPercent: number;
  /** Backends seen at the start that were gone at the end (their CPU in the window is lost). */
  exitedBackends?: number;
  cpuSource: 'schedstat' | 'stat';
}

let clockTicks: number | undefined;
/** USER_HZ, the unit of /proc/<pid>/stat and /proc/stat times. */
function ticksPerSecond(): number {
  if (clockTicks === undefined) {
    try {
      clockTicks = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;
    } catch {
      clockTicks = 100;
    }
  }
  return clockTicks;
}

const NS_PER_TICK = () => 1e9 / ticksPerSecond();

function readFile(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

interface ProcStat {
  ppid: number;
  comm: string;
  /** utime + stime, all threads, in ticks. */
  ticks: number;
  /** cutime + cstime: reaped children, in ticks. */
  childTicks: number;
}

function procStat(pid: number): ProcStat | undefined {
  const text = readFile(`/proc/${pid}/stat`);
  if (!text) return undefined;
  // comm is in parentheses and may hold spaces and parentheses: the fields follow the last ')'.
  const close = text.lastIndexOf(')');
  const comm = text.slice(text.indexOf('(') + 1, close);
  const f = text.slice(close + 2).split(' ');
  const n = (i: number) => Number(f[i] ?? 0);
  // Fields from 3 (state) on: ppid is 4, utime 14, stime 15, cutime 16, cstime 17.
  return { ppid: n(1), comm, ticks: n(11) + n(12), childTicks: n(13) + n(14) };
}

let source: 'schedstat' | 'stat' | undefined;
function cpuSource(): 'schedstat' | 'stat' {
  source ??= readFile(`/proc/${process.pid}/task/${process.pid}/schedstat`) ? 'schedstat' : 'stat';
  return source;
}

/**
 * CPU time of a process, all its threads, in ns: the sum of each thread's schedstat (time on
 * CPU, in ns) where the kernel keeps it, else utime + stime in ticks (10 ms steps at 100 Hz:
 * fine over thousands of requests, coarse for a few hundred). 0 when the process is gone.
 */
function processNs(pid: number): number {
  if (cpuSource() === 'schedstat') {
    let tasks: string[];
    try {
      tasks = fs.readdirSync(`/proc/${pid}/task`);
    } catch {
      return 0;
    }
    let ns = 0;
    for (const tid of tasks) ns += Number(readFile(`/proc/${pid}/task/${tid}/schedstat`)?.split(' ')[0] ?? 0);
    return ns;
  }
  return (procStat(pid)?.ticks ?? 0) * NS_PER_TICK();
}

function machineTicks(): MachineTicks {
  const line = (readFile('/proc/stat') ?? '').split('\n').find((l) => l.startsWith('cpu ')) ?? 'cpu';
  // user nice system idle iowait irq softirq steal (guest time is already in user).
  const v = line.trim().split(/\s+/).slice(1, 9).map(Number);
  const total = v.reduce((a, b) => a + b, 0);
  return { total, idle: (v[3] ?? 0) + (v[4] ?? 0) };
}

/** Pids whose parent is `ppid`. */
function childrenOf(ppid: number): number[] {
  const out: number[] = [];
  for (const name of fs.readdirSync('/proc')) {
    const pid = Number(name);
    if (!Number.isInteger(pid)) continue;
    if (procStat(pid)?.ppid === ppid) out.push(pid);
  }
  return out;
}

/** The embedded postmaster: a `postgres` child of the server process (the server starts it). */
export function findPostmaster(serverPid: number): number | undefined {
  return childrenOf(serverPid).find((pid) => procStat(pid)?.comm === 'postgres');
}

/** True when `pid` is a PostgreSQL process on this machine (so /proc speaks of it). */
export function isLocalPostgres(pid: number): boolean {
  return procStat(pid)?.comm === 'postgres';
}

export async function snapshot(target: CpuTarget): Promise<CpuSnapshot> {
  // The query runs before /proc is read, so what it costs falls outside the window.
  const pids = await target.backends();
  const backends = pids ? new Map(pids.serving.map((pid) => [pid, processNs(pid)])) : undefined;
  let backgroundNs: number | undefined;
  if (target.postmasterPid !== undefined) {
    const pm = procStat(target.postmasterPid);
    if (pm) {
      const clients = new Set(pids?.clients);
      backgroundNs = processNs(target.postmasterPid) + pm.childTicks * NS_PER_TICK();
      for (const pid of childrenOf(target.postmasterPid)) if (!clients.has(pid)) backgroundNs += processNs(pid);
    }
  }
  const server = procStat(target.serverPid);
  return {
    atMs: performance.now(),
    machine: machineTicks(),
    serverNs: processNs(target.serverPid) + (server?.childTicks ?? 0) * NS_PER_TICK(),
    clientNs: processNs(process.pid),
    backends,
    backgroundNs,
  };
}

const round = (x: number, digits = 3) => Number(x.toFixed(digits));

/** The window between two snapshots, per completed request. */
export function cpuWindow(a: CpuSnapshot, b: CpuSnapshot, requests: number): CpuWindow {
  const per = (ns: number) => round(ns / 1e6 / Math.max(1, requests));
  let dbNs: number | undefined;
  let exited = 0;
  if (a.backends && b.backends) {
    dbNs = 0;
    // A backend first seen at the end started inside the window: all its time is in it.
    for (const [pid, ns] of b.backends) dbNs += ns - (a.backends.get(pid) ?? 0);
    for (const pid of a.backends.keys()) if (!b.backends.has(pid)) exited++;
  }
  // Background processes come and go (autovacuum workers): one that exits in the window moves
  // from the per-pid sum to the postmaster's cutime with its whole lifetime (a slight
  // overstatement); one exited but not yet reaped can make the difference negative: clamp.
  const backgroundNs =
    a.backgroundNs !== undefined && b.backgroundNs !== undefined ? Math.max(0, b.backgroundNs - a.backgroundNs) : undefined;
  const serverNs = b.serverNs - a.serverNs;
  const clientNs = b.clientNs - a.clientNs;
  const machineTotal = b.machine.total - a.machine.total;
  const busyTicks = machineTotal - (b.machine.idle - a.machine.idle);
  const oursTicks = (serverNs + (dbNs ?? 0) + (backgroundNs ?? 0) + clientNs) / NS_PER_TICK();
  return {
    cpuMsPerRequest: dbNs === undefined ? null : per(serverNs + dbNs),
    serverCpuMsPerRequest: per(serverNs),
    dbCpuMsPerRequest: dbNs === undefined ? null : per(dbNs),
    dbBackgroundCpuMsPerRequest: backgroundNs === undefined ? null : per(backgroundNs),
    clientCpuMsPerRequest: per(clientNs),
    busyPercent: machineTotal > 0 ? round((100 * busyTicks) / machineTotal, 1) : 0,
    otherLoadPercent: machineTotal > 0 ? round(Math.max(0, (100 * (busyTicks - oursTicks)) / machineTotal), 1) : 0,
    ...(exited ? { exitedBackends: exited } : {}),
    cpuSource: cpuSource(),
  };
}

/** Facts about the machine to print next to the figures. */
export function machineFacts(): { cpus: number; cpuModel: string; node: string; clockTicks: number; cpuSource: string } {
  return {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    node: process.version,
    clockTicks: ticksPerSecond(),
    cpuSource: cpuSource(),
  };
}
