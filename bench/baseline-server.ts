/**
 * The bare stack the scenarios are compared with (bench/baseline.ts starts it): Fastify and
 * pg with nothing between them, no sessions, validation, tenancy scope or row-level
 * security, on the bench server's own database and with the server's pool size and
 * connection settings. Its tables (bench_bare_items, bench_bare_audit) are made by the bench.
 *
 * One route writes to the server's own tables: `/bare/insert-patient` puts a registration's row
 * into `patients` and its audit row into `audit_events` in one statement, with none of the
 * server's work around it (no session, validation, duplicate check, birth-date lock or explicit
 * transaction). What it costs is what the schema alone costs a registration: the row's
 * generated search keys, indexes, checks, foreign keys and vocabulary trigger, the audit row's
 * indexes and the audit chain's shared append lock, under row-level security as the app's
 * role (its own connections: SET ROLE and the practice's tenant setting once per connection).
 *
 * env: PORT, BENCH_BARE_DATABASE_URL, BENCH_BARE_PATIENT_ORGANIZATION (a practice of the
 * server's database, for `/bare/insert-patient`); CLINICDESK_DB_POOL_MAX as the server reads it.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createHash } from 'node:crypto';
import { AUDIT_APPEND_LOCK } from '@domain/audit/record-audit.ts';
import { PATIENT_RECORD_COLUMNS } from '@domain/patients/patient-row.ts';
import { APP_ROLE } from '@db/pool.ts';
import { TENANT_SETTING } from '@db/tenant.ts';
import { dbPoolMax } from '@server/config.ts';
import Fastify from 'fastify';
import pg from 'pg';

export const BARE_APPLICATION_NAME = 'clinicdesk-bare';
/** The organization and user the bare rows and audit rows name (one practice, one clerk). */
export const BARE_ORGANIZATION = '00000000-0000-4000-8000-00000000b0b0';
const BARE_USER = '00000000-0000-4000-8000-00000000b0b1';

const COLUMNS = 'id, organization_id, name, payload, created_at';

// Each statement named, as the server's pool names its statements (packages/db/src/pool.ts):
// parsed once per connection, then a generic plan.
const READ = { name: 'bare_read', text: `select ${COLUMNS} from bench_bare_items where id = $1` };
const INSERT = {
  name: 'bare_insert',
  text: 'insert into bench_bare_items (id, organization_id, name, payload) values (gen_random_uuid(), $1, $2, $3) returning id',
};
// The read and its audit row in one statement: a data-modifying CTE runs whether or not the
// outer query reads it.
const READ_AUDIT = {
  name: 'bare_read_audit',
  text: `with r as (select ${COLUMNS} from bench_bare_items where id = $1),
    a as (
      insert into bench_bare_audit (organization_id, user_id, role, patient_id, action, resource_type, resource_id, ip, user_agent, request_id)
      select organization_id, $2, 'admin', id, 'patient.read', 'patient', id::text, $3, $4, $5 from r
    )
    select * from r`,
};

// The registration's row (the columns its body fills, the MRN from the sequence, the body's hash)
// and its audit row under the audit chain's shared append lock (as insertAudited writes them),
// answered with the record's columns as the registration answers.
const INSERT_PATIENT = {
  name: 'bare_insert_patient',
  text: `with w as (
      insert into patients (organization_id, mrn, given_name, family_name, birth_date, sex, email, address, registration_hash)
      values ($1, nextval('patient_mrn_seq')::text, $2, $3, $4, $5, $6, $7, $8)
      returning ${PATIENT_RECORD_COLUMNS.join(', ')}),
    append_lock as (select pg_advisory_xact_lock_shared(${AUDIT_APPEND_LOCK}::bigint) where exists (select 1 from w)),
    a as (
      insert into audit_events (organization_id, user_id, role, patient_id, action, resource_type, resource_id, ip, user_agent, request_id, details)
      select w.organization_id, $9, 'admin', w.id, 'create', 'patient', w.id::text, $10, $11, $12, jsonb_build_object('mrn', w.mrn)
        from append_lock, w
    )
    select * from w`,
};

interface PatientBody {
  givenName: string;
  familyName: string;
  birthDate: string;
  sex: string;
  email?: string;
  address?: unknown;
}

const STATIC_PAGE = {
  items: Array.from({ length: 20 }, (_, i) => ({
    code: `E11.${String(i).padStart(2, '0')}`,
    description: `Type 2 diabetes mellitus with a complication described in about this many words, number ${i}`,
    billable: i % 3 !== 0,
  })),
  nextCursor: null,
};

/** A pool with the server's pool size and connection settings (packages/db/src/pool.ts), named as the bare server's. */
function barePool(connectionString: string): pg.Pool {
  const pool = new pg.Pool({
    connectionString,
    max: dbPoolMax(process.env.CLINICDESK_DB_POOL_MAX),
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
    application_name: BARE_APPLICATION_NAME,
    options: '-c jit=off',
  });
  pool.on('error', () => undefined);
  return pool;
}

async function main(): Promise<void> {
  const connectionString = process.env.BENCH_BARE_DATABASE_URL;
  if (!connectionString) throw new Error('BENCH_BARE_DATABASE_URL is not set');
  const pool = barePool(connectionString);
  const app = Fastify({ logger: false });

  app.get('/bare/ready', async () => ({ ok: true }));

  // An answer from memory: about an ICD-10-CM search's page (20 codes), no database.
  app.get('/bare/static', async () => STATIC_PAGE);

  app.get<{ Params: { id: string } }>('/bare/read/:id', async (request, reply) => {
    const { rows } = await pool.query({ ...READ, values: [request.params.id] });
    return rows[0] ?? reply.code(404).send({ error: 'not found' });
  });

  app.get<{ Params: { id: string } }>('/bare/read-audit/:id', async (request, reply) => {
    const { rows } = await pool.query({
      ...READ_AUDIT,
      values: [request.params.id, BARE_USER, request.ip, request.headers['user-agent'] ?? null, request.id],
    });
    return rows[0] ?? reply.code(404).send({ error: 'not found' });
  });

  app.post<{ Body: { name: string; payload: unknown } }>('/bare/insert', async (request, reply) => {
    const { rows } = await pool.query({ ...INSERT, values: [BARE_ORGANIZATION, request.body.name, request.body.payload] });
    return reply.code(201).send({ id: rows[0].id });
  });

  // The patient rows go through row-level security as the server's do: the app's role, the
  // practice's tenant setting, set once per connection (the server sets it when a connection
  // changes practice).
  const practice = process.env.BENCH_BARE_PATIENT_ORGANIZATION;
  const patientPool = barePool(connectionString);
  patientPool.on('connect', (client) => {
    // Said, not swallowed: as the owner the rows would skip row-level security and the floor would read low.
    const failed = (e: Error) => process.stderr.write(`bare-insert-patient connection: ${e.message}\n`);
    client.query(`set role ${pg.escapeIdentifier(APP_ROLE)}`).catch(failed);
    client.query('select set_config($1, $2, false)', [TENANT_SETTING, practice ?? '']).catch(failed);
  });
  app.post<{ Body: PatientBody }>('/bare/insert-patient', async (request, reply) => {
    if (!practice) return reply.code(500).send({ error: 'BENCH_BARE_PATIENT_ORGANIZATION is not set' });
    const b = request.body;
    const hash = createHash('sha256').update(JSON.stringify(b)).digest('hex');
    const { rows } = await patientPool.query({
      ...INSERT_PATIENT,
      values: [
        practice,
        b.givenName,
        b.familyName,
        b.birthDate,
        b.sex,
        b.email ?? null,
        b.address ?? null,
        hash,
        BARE_USER,
        request.ip,
        request.headers['user-agent'] ?? null,
        request.id,
      ],
    });
    return reply.code(201).send(rows[0]);
  });

  const close = async () => {
    await app.close();
    await pool.end();
    await patientPool.end();
    process.exit(0);
  };
  process.once('SIGTERM', close);
  process.once('SIGINT', close);
  await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
}

// The bench imports the names above; only `run-ts bench/baseline-server.ts` starts the server.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
