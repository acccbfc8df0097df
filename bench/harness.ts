/**
 * Benchmark harness: starts a real ClinicDesk server in a child process on its own
 * database (a fresh embedded cluster, or BENCH_DATABASE_URL), lets scenarios generate
 * data with a fixed seed, drives HTTP load with autocannon and prints one JSON line
 * per scenario. Every measured run also counts the CPU time the server and its
 * PostgreSQL processes spent on it (bench/cpu.ts). Figures are measured here, never
 * asserted in tests.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createKysely, createPool, resolveDatabase } from '@db/index.ts';
import type { Database } from '@domain/database.ts';
import type { Db } from '@domain/shared/context.ts';
import { sql } from 'kysely';
import type { NameModel } from './population.ts';
import autocannon from 'autocannon';
import { type CpuTarget, type CpuWindow, cpuWindow, findPostmaster, isLocalPostgres, snapshot } from './cpu.ts';
import { generatePatients } from './generate.ts';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const BENCH_ADMIN = { email: 'bench-admin@bench.clinicdesk.dev', password: 'load-test-passphrase-2026' };

export interface BenchOptions {
  patients: number;
  connections: number;
  durationSeconds: number;
  seed: number;
  /** Name distribution of generated patients (bench/population.ts). */
  names: NameModel;
}

export interface BenchServer {
  url: string;
  /** The connection string the bench itself uses (the server's database, as its owner). */
  databaseUrl: string;
  /** Where the CPU time of the server and its database processes is read. */
  cpu: CpuTarget;
  /** Ids of the generated synthetic patients (generated once, on first use, with --patients and --seed). */
  patients(): Promise<string[]>;
  db: Db;
  mode: 'embedded' | 'external';
  organizationId: string;
  /** Bearer token of the bench admin (all non-clinical permissions). */
  adminToken: string;
  /** Log in any account and return its bearer token. */
  login(email: string, password: string): Promise<string>;
  options: BenchOptions;
  stop(): Promise<void>;
}

export interface LoadResult {
  scenario: string;
  requestsPerSec: number;
  latencyP50Ms: number;
  latencyP95Ms?: number;
  latencyP99Ms: number;
  errors: number;
  non2xx: number;
  requests: number;
  connections: number;
  durationSeconds: number;
  /** CPU figures of the measured window (bench/cpu.ts); absent when no CPU target is known for the URL. */
  cpuMsPerRequest?: CpuWindow['cpuMsPerRequest'];
  serverCpuMsPerRequest?: number;
  dbCpuMsPerRequest?: number | null;
  busyPercent?: number;
  otherLoadPercent?: number;
  [extra: string]: unknown;
}

/** The pool's application_name of the server's connections (packages/db/src/pool.ts). */
const SERVER_APPLICATION_NAME = 'clinicdesk';
/** The bench's own connections carry this name, so they are never counted as the server's. */
const BENCH_APPLICATION_NAME = 'clinicdesk-bench';

/** CPU targets by origin: load() measures the one its URL points at. */
const cpuTargets = new Map<string, CpuTarget>();
/** sequentialLatency() gets no URL: it measures the ClinicDesk server. */
let defaultCpuTarget: CpuTarget | undefined;

/** load() of a URL on `url`'s origin measures `target`; returns the undo. */
export function registerCpuTarget(url: string, target: CpuTarget): () => void {
  const origin = new URL(url).origin;
  cpuTargets.set(origin, target);
  return () => {
    if (cpuTargets.get(origin) === target) cpuTargets.delete(origin);
  };
}

function cpuTargetFor(url: string | string[] | undefined): CpuTarget | undefined {
  const first = Array.isArray(url) ? url[0] : url;
  return (first && cpuTargets.get(new URL(first).origin)) || defaultCpuTarget;
}

/** True when the database's server runs on this machine, so its backends' pids mean something here. */
function databaseIsLocal(connectionString: string): boolean {
  // Not WHATWG URL: libpq's socket form (postgresql://user@/db?host=/dir) has an empty host.
  const param = /[?&]host=([^&]*)/.exec(connectionString)?.[1];
  const authority = (connectionString.replace(/^[a-z]+:\/\//i, '').split(/[/?]/)[0] ?? '').replace(/^.*@/, '');
  const host = param !== undefined ? decodeURIComponent(param) : authority.replace(/:\d+$/, '');
  return host === '' || host.startsWith('/') || host === 'localhost' || host.startsWith('127.') || host === '[::1]';
}

/**
 * Backends of `applicationName` on the current database, found through `db` (whose own
 * connections must carry another name). Undefined when the database is on another machine.
 */
export function backendsOf(db: Db, connectionString: string, applicationName: string): CpuTarget['backends'] {
  const local = databaseIsLocal(connectionString);
  return async () => {
    if (!local) return undefined;
    const rows = await sql<{ pid: number; serving: boolean }>`
      select pid, (datname = current_database() and application_name = ${applicationName}) as serving
      from pg_stat_activity where backend_type = 'client backend'`.execute(db);
    const serving = rows.rows.filter((r) => r.serving).map((r) => r.pid);
    // A pid that is no PostgreSQL process here means the host only looked local (a container, a tunnel).
    if (serving.length && !isLocalPostgres(serving[0] as number)) return undefined;
    return { serving, clients: rows.rows.map((r) => r.pid) };
  };
}

export interface Scenario {
  name: string;
  description: string;
  run(server: BenchServer): Promise<LoadResult | LoadResult[]>;
  /**
   * A second run in the same invocation would not be like the first: it finds what the first
   * left (claims already submitted, slots already booked, coverages already on file). `--repeat`
   * refuses such a scenario.
   */
  once?: true;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

async function waitReady(url: string, child: ChildProcess, timeoutMs = 120_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`bench server exited with code ${child.exitCode}`);
    try {
      const r = await fetch(`${url}/readyz`);
      if (r.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('bench server did not become ready');
}

export async function startBenchServer(options: BenchOptions): Promise<BenchServer> {
  const databaseUrl = process.env.BENCH_DATABASE_URL || undefined;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cd-bench-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  // BENCH_SERVER_NODE_ARGS (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof") profiles the server process.
  const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, path.join(ROOT, 'bin/clinicdesk.js'), 'serve'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
      CLINICDESK_DEMO: '0',
      CLINICDESK_REQUIRE_MFA: '0',
      CLINICDESK_ADMIN_EMAIL: BENCH_ADMIN.email,
      CLINICDESK_ADMIN_PASSWORD: BENCH_ADMIN.password,
      LOG_LEVEL: 'error',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  await waitReady(url, child);
  // The bench shares the server's database to generate data directly (fast, set-based).
  const database = await resolveDatabase({ databaseUrl, dataDir, shareRunning: true });
  // As the database owner (no SET ROLE): the generator vacuums and analyzes what it wrote.
  const pool = createPool({ connectionString: database.connectionString, max: 8, appRole: false });
  pool.on('connect', (client) => {
    client.query(`set application_name = '${BENCH_APPLICATION_NAME}'`).catch(() => undefined);
  });
  const db = createKysely<Database>(pool);
  const cpu: CpuTarget = {
    label: 'clinicdesk',
    serverPid: child.pid as number,
    backends: backendsOf(db, database.connectionString, SERVER_APPLICATION_NAME),
    // The embedded cluster's postmaster is the server's child; an external one serves others too.
    postmasterPid: databaseUrl ? undefined : findPostmaster(child.pid as number),
  };
  const unregister = registerCpuTarget(url, cpu);
  defaultCpuTarget ??= cpu;
  const login = async (email: string, password: string) => {
    const r = await fetch(`${url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    if (!r.ok) throw new Error(`bench login failed for ${email}: ${r.status} ${await r.text()}`);
    return ((await r.json()) as { token: string }).token;
  };
  const adminToken = await login(BENCH_ADMIN.email, BENCH_ADMIN.password);
  const admin = await db.selectFrom('users').select('organization_id').where('email', '=', BENCH_ADMIN.email).executeTakeFirstOrThrow();
  let patientIds: Promise<string[]> | undefined;
  return {
    url,
    databaseUrl: database.connectionString,
    cpu,
    patients() {
      patientIds ??= (async () => {
        const t0 = performance.now();
        const ids = await generatePatients(db, admin.organization_id, options.patients, options.seed, options.names);
        process.stderr.write(`generated ${ids.length} patients in ${((performance.now() - t0) / 1000).toFixed(1)}s\n`);
        return ids;
      })();
      return patientIds;
    },
    db,
    mode: databaseUrl ? 'external' : 'embedded',
    organizationId: admin.organization_id,
    adminToken,
    login,
    options,
    async stop() {
      unregister();
      if (defaultCpuTarget === cpu) defaultCpuTarget = undefined;
      await pool.end();
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Percentiles of `times` (sorted in place), in ms with two decimals. */
function percentiles(times: number[]): { p50: number; p95: number; p99: number } {
  times.sort((a, b) => a - b);
  const pct = (p: number) => Number((times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))] ?? 0).toFixed(2));
  return { p50: pct(50), p95: pct(95), p99: pct(99) };
}

/**
 * Run autocannon and reduce its result to the figures we report. The CPU window opens after
 * the warm-up and closes when the measured run ends, and its time is divided by the
 * responses completed (non-2xx included: they cost CPU too).
 */
export async function load(
  scenario: string,
  opts: autocannon.Options & { connections: number; duration: number; warmupSeconds?: number },
  extra: Record<string, unknown> = {},
): Promise<LoadResult> {
  const { warmupSeconds = 0, ...run } = opts;
  // An unmeasured run first, when asked: connections, prepared statements and caches are
  // then as a server that has been up for a while has them.
  if (warmupSeconds > 0) {
    await autocannon({ ...run, duration: warmupSeconds });
    // The warm-up's last requests may still be running or queued in the server (autocannon
    // hangs up without waiting for them): wait until it is idle, or the measured run would
    // start with twice the connections' worth of work in the limiter's queue.
    await untilIdle(run.url);
  }
  const target = cpuTargetFor(run.url);
  const before = target && (await snapshot(target));
  // autocannon's histogram has p90 and p97.5 but no p95: keep every response time instead.
  const times: number[] = [];
  const instance = autocannon({ ...run }) as unknown as autocannon.Instance & PromiseLike<autocannon.Result>;
  instance.on('response', (_client: unknown, _status: number, _bytes: number, ms: number) => {
    times.push(ms);
  });
  const result = await instance;
  const after = target && (await snapshot(target));
  const lat = percentiles(times);
  return {
    scenario,
    requestsPerSec: Math.round(result.requests.average),
    latencyP50Ms: lat.p50,
    latencyP95Ms: lat.p95,
    latencyP99Ms: lat.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    requests: result.requests.total,
    connections: opts.connections,
    durationSeconds: opts.duration,
    ...(before && after ? cpuWindow(before, after, result.requests.total) : {}),
    ...extra,
  };
}

/** Latency percentiles of sequential requests (for query-shaped scenarios such as search). */
export async function sequentialLatency(
  scenario: string,
  count: number,
  next: (i: number) => Promise<Response>,
  extra: Record<string, unknown> = {},
): Promise<LoadResult> {
  const times: number[] = [];
  let errors = 0;
  const target = defaultCpuTarget;
  const before = target && (await snapshot(target));
  const started = performance.now();
  for (let i = 0; i < count; i++) {
    const t0 = performance.now();
    const r = await next(i);
    await r.arrayBuffer();
    times.push(performance.now() - t0);
    if (!r.ok) errors++;
  }
  const total = (performance.now() - started) / 1000;
  const after = target && (await snapshot(target));
  const lat = percentiles(times);
  return {
    scenario,
    requestsPerSec: Math.round(count / total),
    latencyP50Ms: lat.p50,
    latencyP95Ms: lat.p95,
    latencyP99Ms: lat.p99,
    errors,
    non2xx: errors,
    requests: count,
    connections: 1,
    durationSeconds: Number(total.toFixed(2)),
    ...(before && after ? cpuWindow(before, after, count) : {}),
    ...extra,
  };
}

/** Until no expensive request runs or waits in the server (`/readyz?verbose`), at most 10 s. */
async function untilIdle(url: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const body = (await fetch(new URL('/readyz?verbose', url)).then(
      (r) => r.json(),
      () => null,
    )) as { expensive?: Record<string, { inFlight: number; queued: number }> } | null;
    const kinds = Object.values(body?.expensive ?? {});
    if (kinds.every((k) => k.inFlight === 0 && k.queued === 0)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
}
