/**
 * The bare-stack baseline of `npm run bench`: the same load, the same CPU accounting, in the
 * same invocation, against a Fastify + pg server with nothing else in it
 * (bench/baseline-server.ts). A scenario's CPU-ms per request divided by its baseline's is
 * the figure the targets are set in: it stays put when the machine gets busier or slower.
 *
 *  - bare-read: a primary-key read;
 *  - bare-insert: one row inserted from a JSON body, its id returned;
 *  - bare-insert-patient: a registration's body written as a patient row and its audit row
 *    into the server's own tables, in one statement and nothing else (bench/baseline-server.ts):
 *    what the schema alone costs a registration. Run with patient-create, and printed with its
 *    ratio to bare-insert, so that a registration's ratio can be read against what no code
 *    around the statement could take away. It writes into a practice of its own, generated
 *    like the bench's (same size, seed and name model), so the registry the scenarios use is
 *    left as it was;
 *  - bare-read-audit: a primary-key read and an audit row, in one statement;
 *  - bare-static: a page of 20 codes from memory, no database (what an in-memory search is
 *    compared with).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { sql } from 'kysely';
import { BARE_APPLICATION_NAME, BARE_ORGANIZATION } from './baseline-server.ts';
import { generatePatients } from './generate.ts';
import { benchPatient, populationStreams, registrationBody } from './population.ts';
import { type BenchServer, backendsOf, type LoadResult, load, ROOT, registerCpuTarget } from './harness.ts';

export type BareKind = 'read' | 'insert' | 'read-audit' | 'static' | 'insert-patient';
export const BARE_KINDS: BareKind[] = ['read', 'read-audit', 'insert', 'static', 'insert-patient'];

/** Rows the reads pick from: as many as the patients, up to 100,000 (the primary key's depth is what matters). */
export function bareRows(patients: number): number {
  return Math.min(Math.max(patients, 1_000), 100_000);
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

async function waitReady(url: string, child: ChildProcess): Promise<void> {
  const until = Date.now() + 60_000;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`bare baseline server exited with code ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/bare/ready`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('bare baseline server did not become ready');
}

/** The bare tables, shaped like a patient row (a JSON document) and an audit_events row (same columns and indexes). */
async function createTables(s: BenchServer, rows: number): Promise<string[]> {
  await sql`drop table if exists bench_bare_items, bench_bare_audit`.execute(s.db);
  await sql`create table bench_bare_items (
    id uuid primary key, organization_id uuid not null, name text not null, payload jsonb not null,
    created_at timestamptz not null default now())`.execute(s.db);
  await sql`create table bench_bare_audit (
    seq bigint generated always as identity primary key, occurred_at timestamptz not null default now(),
    organization_id uuid, user_id uuid, role text, patient_id uuid, action text not null, resource_type text,
    resource_id text, outcome text not null default 'success', ip text, user_agent text, request_id text,
    break_glass boolean not null default false, changes jsonb, details jsonb)`.execute(s.db);
  await sql`create index on bench_bare_audit (organization_id, occurred_at desc)`.execute(s.db);
  await sql`create index on bench_bare_audit (patient_id, occurred_at desc) where patient_id is not null`.execute(s.db);
  await sql`create index on bench_bare_audit (user_id, occurred_at desc)`.execute(s.db);
  await sql`
    insert into bench_bare_items (id, organization_id, name, payload)
    select gen_random_uuid(), ${BARE_ORGANIZATION}::uuid, 'Given' || i || ' Family' || i,
      jsonb_build_object('givenName', 'Given' || i, 'familyName', 'Family' || i, 'birthDate', date '1950-01-01' + (i % 20000),
        'sex', case when i % 2 = 0 then 'female' else 'male' end, 'email', 'person' || i || '@example.com',
        'phones', jsonb_build_array(jsonb_build_object('type', 'mobile', 'number', '+1555' || lpad((i % 10000000)::text, 7, '0'))),
        'address', jsonb_build_object('line1', i || ' Main Street', 'city', 'Springfield', 'state', 'IL', 'postalCode', '62701', 'country', 'US'))
    from generate_series(1, ${rows}::int) i`.execute(s.db);
  await sql`vacuum (analyze) bench_bare_items, bench_bare_audit`.execute(s.db);
  const ids = await sql<{ id: string }>`select id from bench_bare_items`.execute(s.db);
  return ids.rows.map((r) => r.id);
}

export interface Baseline {
  results: Map<BareKind, LoadResult>;
}

/** Runs of bare-insert-patient so far in this invocation: each registers people of its own. */
let insertPatientRuns = 0;

/** bare-insert-patient's own practice, per bench server: made and filled on its first run. */
const floorPractices = new WeakMap<BenchServer, Promise<string>>();

/** A practice holding the same people as the bench's (same size, seed and model), for bare-insert-patient to write into. */
function floorPractice(s: BenchServer): Promise<string> {
  let made = floorPractices.get(s);
  if (!made) {
    made = (async () => {
      const { rows } = await sql<{ id: string }>`
        insert into organizations (name, settings) values ('Bench: bare-insert-patient', '{"require_mfa": false}') returning id`.execute(
        s.db,
      );
      const id = (rows[0] as { id: string }).id;
      await generatePatients(s.db, id, s.options.patients, s.options.seed, s.options.names);
      return id;
    })();
    floorPractices.set(s, made);
  }
  return made;
}

/**
 * Waits until the server's sealer has chained every audit row written so far, so that sealing
 * what a load wrote is not counted in the next load's window. Fails after a minute.
 */
async function auditSealed(s: BenchServer): Promise<void> {
  const { rows } = await sql<{ last: number }>`select coalesce(max(seq), 0)::bigint as last from audit_events`.execute(s.db);
  const last = Number(rows[0]?.last ?? 0);
  const until = Date.now() + 60_000;
  for (;;) {
    const sealed = await sql<{ through: number }>`select coalesce(max(seq), 0)::bigint as through from audit_seals`.execute(s.db);
    if (Number(sealed.rows[0]?.through ?? 0) >= last) return;
    if (Date.now() > until) throw new Error(`the audit sealer did not reach seq ${last} within a minute`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Start the bare server on the bench server's database, run the loads of `kinds` (all by default), stop it. */
export async function runBaseline(s: BenchServer, kinds: readonly BareKind[] = BARE_KINDS): Promise<Baseline> {
  const ids = await createTables(s, bareRows(s.options.patients));
  const floor = kinds.includes('insert-patient') ? await floorPractice(s) : undefined;
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [path.join(ROOT, 'bin/run-ts.js'), path.join(ROOT, 'bench/baseline-server.ts')], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      BENCH_BARE_DATABASE_URL: s.databaseUrl,
      ...(floor ? { BENCH_BARE_PATIENT_ORGANIZATION: floor } : {}),
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const results = new Map<BareKind, LoadResult>();
  let unregister: (() => void) | undefined;
  try {
    await waitReady(url, child);
    unregister = registerCpuTarget(url, {
      label: 'bare',
      serverPid: child.pid as number,
      backends: backendsOf(s.db, s.databaseUrl, BARE_APPLICATION_NAME),
      postmasterPid: s.cpu.postmasterPid,
    });
    const common = { connections: s.options.connections, duration: s.options.durationSeconds, warmupSeconds: 3 };
    let i = 0;
    const byId = (prefix: string) => [
      { setupRequest: (req: { path?: string }) => ({ ...req, path: `${prefix}${ids[i++ % ids.length]}` }) },
    ];
    if (kinds.includes('read'))
      results.set(
        'read',
        await load('bare-read', { ...common, url: `${url}/bare/read/${ids[0]}`, requests: byId('/bare/read/') } as never),
      );
    if (kinds.includes('read-audit'))
      results.set(
        'read-audit',
        await load('bare-read-audit', { ...common, url: `${url}/bare/read-audit/${ids[0]}`, requests: byId('/bare/read-audit/') } as never),
      );
    if (kinds.includes('static')) results.set('static', await load('bare-static', { ...common, url: `${url}/bare/static` } as never));
    let n = 0;
    if (kinds.includes('insert'))
      results.set(
        'insert',
        await load('bare-insert', {
          ...common,
          url: `${url}/bare/insert`,
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          requests: [
            {
              setupRequest: (req: Record<string, unknown>) => {
                const k = n++;
                // About a registration's body: a name and a document of the person.
                const payload = {
                  givenName: `Given${k}`,
                  familyName: `Family${k}`,
                  birthDate: '1980-04-12',
                  sex: k % 2 ? 'male' : 'female',
                  email: `bare${k}@example.com`,
                  address: { line1: `${k} Main Street`, city: 'Springfield', state: 'IL', postalCode: '62701', country: 'US' },
                };
                return { ...req, body: JSON.stringify({ name: `Given${k} Family${k}`, payload }) };
              },
            },
          ],
        } as never),
      );
    if (floor) {
      // People no registration of this invocation registers (patient-create's streams are seed + 1 + 7,919k).
      const run = insertPatientRuns++;
      const { rnd, names } = populationStreams(s.options.seed + 5_003 + run * 7_919);
      let k = 0;
      const line = await load('bare-insert-patient', {
        ...common,
        url: `${url}/bare/insert-patient`,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        requests: [
          {
            setupRequest: (req: Record<string, unknown>) => {
              // patient-create's body (without its confirmation, which is not stored).
              const p = benchPatient(rnd, names, 20_000_000 + run * 1_000_000 + k++, s.options.names);
              return { ...req, body: JSON.stringify(registrationBody(p)) };
            },
          },
        ],
      } as never);
      await auditSealed(s);
      const insert = results.get('insert')?.cpuMsPerRequest;
      const cpu = line.cpuMsPerRequest;
      results.set('insert-patient', {
        ...line,
        baseline: 'bare-insert',
        baselineCpuMsPerRequest: insert ?? null,
        ratioToBaseline: typeof cpu === 'number' && typeof insert === 'number' && insert > 0 ? Number((cpu / insert).toFixed(2)) : null,
      });
    }
    return { results };
  } finally {
    unregister?.();
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
    await sql`drop table if exists bench_bare_items, bench_bare_audit`.execute(s.db);
  }
}
