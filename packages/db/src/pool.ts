/** Connection pool and Kysely instance, with the app's least-privilege role applied to every connection. */
import { createHash } from 'node:crypto';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { tenantPool } from './tenant.ts';

// bigint (int8) columns hold money in cents and counts; they fit in a JS number well below 2^53.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
// `date` columns are calendar days: keep them as 'YYYY-MM-DD' strings, never as midnight instants.
pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v);

export const APP_ROLE = process.env.CLINICDESK_DB_ROLE ?? 'clinicdesk_app';

export interface PoolOptions {
  connectionString: string;
  max?: number;
  /** Run as the least-privilege app role (SET ROLE). Off for migrations and admin tools. */
  appRole?: boolean;
  /** How long a request may wait for a free connection before it fails (503). Default 5 s. */
  connectionTimeoutMillis?: number;
}

export function createPool(options: PoolOptions): pg.Pool {
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.max ?? 20,
    connectionTimeoutMillis: options.connectionTimeoutMillis ?? 5_000,
    idleTimeoutMillis: 30_000,
    application_name: 'clinicdesk',
    // No JIT (a startup parameter, so no extra round trip): every app statement is a short
    // OLTP query, and a cost misestimate otherwise buys 30-40 ms of LLVM compilation for a
    // query that runs in 0.1 ms. Builds without LLVM (the embedded server) ignore it.
    options: '-c jit=off',
  });
  if (options.appRole !== false) {
    pool.on('connect', (client) => {
      client.query(`SET ROLE ${pg.escapeIdentifier(APP_ROLE)}`).catch(() => {
        // The role is missing when the connecting user may not create roles;
        // migrate() warns about that once. The connection keeps the login role.
      });
    });
  }
  pool.on('connect', (client) => prepareStatements(client));
  // An idle client losing its server (database restart) must not crash the process.
  pool.on('error', () => undefined);
  return pool;
}

/**
 * A statement starting with this comment is never prepared: PostgreSQL plans it for its
 * actual values every time. For queries whose best plan depends on the values (the search
 * box: one key or a thousand, a rare word or a common one), a cached generic plan is worse
 * than a millisecond of planning.
 */
export const UNPREPARED = '/* unprepared */';

/** Named statements per connection, at most: past it, queries run unnamed (parsed each time). */
const MAX_PREPARED = 1_000;

/**
 * Turn the parameterized queries Kysely sends into named (prepared) statements, keyed by a
 * hash of their text: PostgreSQL then parses each statement once per connection and, after a
 * few runs, reuses a generic plan. Every request runs the same few dozen statements, so this
 * takes parse and plan work off the database on every hot path. Plain-text queries
 * (migrations, SET ROLE) and those marked UNPREPARED are left alone.
 */
function prepareStatements(client: pg.PoolClient): void {
  const named = new Set<string>();
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  (client as unknown as { query: (...args: unknown[]) => unknown }).query = (text: unknown, values?: unknown, ...rest: unknown[]) => {
    if (typeof text !== 'string' || !Array.isArray(values) || text.length > 10_000 || text.startsWith(UNPREPARED))
      return query(text, values, ...rest);
    const name = `cd_${createHash('sha1').update(text).digest('base64url')}`;
    if (!named.has(name)) {
      if (named.size >= MAX_PREPARED) return query(text, values, ...rest);
      named.add(name);
    }
    return query({ name, text, values }, ...rest);
  };
}

/** Kysely over `pool`; every connection it uses carries the current tenant scope (tenant.ts). */
export function createKysely<DB>(pool: pg.Pool): Kysely<DB> {
  return new Kysely<DB>({ dialect: new PostgresDialect({ pool: tenantPool(pool) }) });
}
