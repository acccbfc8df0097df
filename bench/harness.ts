/**
 * Benchmark harness: starts a real ClinicDesk server in a child process on its own
 * database (a fresh embedded cluster, or BENCH_DATABASE_URL), lets scenarios generate
 * data with a fixed seed, drives HTTP load with autocannon and prints one JSON line
 * per scenario. Figures are measured here, never asserted in tests.
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
import type { NameModel } from './population.ts';
import autocannon from 'autocannon';
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
  [extra: string]: unknown;
}

export interface Scenario {
  name: string;
  description: string;
  run(server: BenchServer): Promise<LoadResult | LoadResult[]>;
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
  const child = spawn(process.execPath, [path.join(ROOT, 'bin/clinicdesk.js'), 'serve'], {
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
  const db = createKysely<Database>(pool);
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
      await pool.end();
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Run autocannon and reduce its result to the figures we report. */
export async function load(
  scenario: string,
  opts: autocannon.Options & { connections: number; duration: number; warmupSeconds?: number },
  extra: Record<string, unknown> = {},
): Promise<LoadResult> {
  const { warmupSeconds = 0, ...run } = opts;
  // An unmeasured run first, when asked: connections, prepared statements and caches are
  // then as a server that has been up for a while has them.
  if (warmupSeconds > 0) await autocannon({ ...run, duration: warmupSeconds });
  const result = await autocannon({ ...run });
  const lat = result.latency as unknown as Record<string, number>;
  return {
    scenario,
    requestsPerSec: Math.round(result.requests.average),
    latencyP50Ms: lat.p50 ?? 0,
    latencyP99Ms: lat.p99 ?? 0,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    requests: result.requests.total,
    connections: opts.connections,
    durationSeconds: opts.duration,
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
  const started = performance.now();
  for (let i = 0; i < count; i++) {
    const t0 = performance.now();
    const r = await next(i);
    await r.arrayBuffer();
    times.push(performance.now() - t0);
    if (!r.ok) errors++;
  }
  const total = (performance.now() - started) / 1000;
  times.sort((a, b) => a - b);
  const pct = (p: number) => Number((times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))] ?? 0).toFixed(2));
  return {
    scenario,
    requestsPerSec: Math.round(count / total),
    latencyP50Ms: pct(50),
    latencyP95Ms: pct(95),
    latencyP99Ms: pct(99),
    errors,
    non2xx: errors,
    requests: count,
    connections: 1,
    durationSeconds: Number(total.toFixed(2)),
    ...extra,
  };
}
