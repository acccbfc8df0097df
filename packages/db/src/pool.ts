/** Connection pool and Kysely instance, with the app's least-privilege role applied to every connection. */
import { createHash } from 'node:crypto';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { boundStatementTimeout, type TenantPool, tenantPool } from './tenant.ts';

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
  /**
   * `statement_timeout` of every statement on these connections, in ms (unset or 0: none).
   * The server bounds request work with it; a handle over `organizationPool(pool, id,
   * { statementTimeoutMs })` gives its work (reports, exports) another.
   */
  statementTimeoutMillis?: number;
  /** `idle_in_transaction_session_timeout`, in ms: the database ends a session left idle inside a transaction. */
  idleInTransactionTimeoutMillis?: number;
  /** Names the connections in pg_stat_activity. Default 'clinicdesk'. */
  applicationName?: string;
}

/** A setting in ms for a startup parameter: a whole number, 0 meaning "none". */
function millis(value: number | undefined): number {
  return value !== undefined && Number.isFinite(value) && value > 0 ? Math.trunc(value) : 0;
}

export function createPool(options: PoolOptions): pg.Pool {
  const max = options.max ?? 20;
  // Startup parameters, so they cost no extra round trip. No JIT: every app statement is a
  // short OLTP query, and a cost misestimate otherwise buys 30-40 ms of LLVM compilation for
  // a query that runs in 0.1 ms (builds without LLVM, the embedded server, ignore it).
  const settings = ['jit=off'];
  const statementTimeout = millis(options.statementTimeoutMillis);
  if (statementTimeout) settings.push(`statement_timeout=${statementTimeout}`);
  const idleInTransaction = millis(options.idleInTransactionTimeoutMillis);
  if (idleInTransaction) settings.push(`idle_in_transaction_session_timeout=${idleInTransaction}`);
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max,
    connectionTimeoutMillis: options.connectionTimeoutMillis ?? 5_000,
    idleTimeoutMillis: 30_000,
    application_name: options.applicationName ?? 'clinicdesk',
    options: settings.map((setting) => `-c ${setting}`).join(' '),
  });
  explainConnectFailures(pool, max);
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
  // Nor one in use between two statements when its server goes away (the embedded PostgreSQL
  // restarting): unhandled, its 'error' event ends the process. Its next statement fails
  // instead, and the pool drops it.
  pool.on('connect', (client) => client.on('error', () => undefined));
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

/** Kysely over `pool`; every connection it uses carries the current tenant scope (tenant.ts) and the pool's statement timeout. */
export function createKysely<DB>(pool: pg.Pool): Kysely<DB> {
  return new Kysely<DB>({ dialect: new PostgresDialect({ pool: timeoutPool(tenantPool(pool), boundStatementTimeout(pool)) }) });
}

// ---- Statement timeouts per handle ----

/**
 * Hands out connections whose `statement_timeout` is this handle's (`want`: a report handle's,
 * from `organizationPool(…, { statementTimeoutMs })`), else the pool's own startup setting. A
 * connection pays a `SET` only when it last served a handle that wanted another, so ordinary
 * requests pay nothing. Connections are handed out outside any transaction, so the setting
 * holds for the session, not for one transaction. The timeout is the handle's, chosen when the
 * request picks its handle: no ambient scope (AsyncLocalStorage turns on promise hooks for the
 * whole process on Node 20).
 */
/** The `statement_timeout` each connection carries now: one record for every handle over its pool. */
const timeoutCarried = new WeakMap<pg.PoolClient, number | undefined>();

function timeoutPool(pool: TenantPool, timeoutMs: number | undefined): TenantPool {
  const current = timeoutCarried;
  const want = timeoutMs === undefined ? undefined : millis(timeoutMs);
  return {
    async connect() {
      const client = await pool.connect();
      if (current.get(client) !== want) {
        try {
          await client.query(want === undefined ? 'RESET statement_timeout' : `SET statement_timeout = ${want}`);
        } catch (err) {
          client.release(err as Error);
          throw err;
        }
        current.set(client, want);
      }
      return client;
    },
    end: () => pool.end(),
  };
}

// ---- Why the database could not serve ----

/**
 * Why a statement could not run, when the database (not the request) is the reason, each
 * answered 503 with its own wording:
 *  - pool_exhausted: every connection of this process is busy and none came free in time
 *    (the database itself may be fine: this process has more work than connections);
 *  - database_down: the database cannot be reached, or ended the connection;
 *  - database_busy: the database refuses new connections (too many clients);
 *  - statement_timeout: the statement ran past its `statement_timeout` and was cancelled.
 */
export type DbUnavailable = 'pool_exhausted' | 'database_down' | 'database_busy' | 'statement_timeout';

export interface PoolState {
  max: number;
  totalCount: number;
  idleCount: number;
  waitingCount: number;
  /** Connections that finished connecting (the rest of totalCount are still connecting). */
  connectedCount: number;
}

const connected = new WeakMap<pg.Pool, { count: number; max: number }>();

/** The pool's occupancy, for logs and the readiness probe. */
export function poolState(pool: pg.Pool): PoolState {
  const c = connected.get(pool);
  return {
    max: c?.max ?? pool.options.max ?? 0,
    totalCount: pool.totalCount,
    idleCount: pool.idleCount,
    waitingCount: pool.waitingCount,
    connectedCount: c?.count ?? pool.totalCount,
  };
}

/** Every connection is up and in use: a wait for one is the process's load, not the database. */
export function poolExhausted(state: PoolState): boolean {
  return state.connectedCount >= state.max && state.idleCount === 0;
}

const POOL_WAIT_TIMEOUT = 'timeout exceeded when trying to connect';

/**
 * pg-pool says the same thing ("timeout exceeded when trying to connect") when every
 * connection is busy and when every slot is still trying to reach a database that does not
 * answer. Tell them apart when it happens (connections up and busy, or not), and put the
 * pool's state on the error for the log.
 */
function explainConnectFailures(pool: pg.Pool, max: number): void {
  const counter = { count: 0, max };
  connected.set(pool, counter);
  pool.on('connect', () => counter.count++);
  pool.on('remove', () => counter.count--);
  const explain = (err: unknown) => {
    if (err instanceof Error) {
      const state = poolState(pool);
      Object.assign(err, { pool: state });
      if (err.message === POOL_WAIT_TIMEOUT) {
        Object.assign(err, { unavailable: poolExhausted(state) ? 'pool_exhausted' : 'database_down' });
      }
    }
    return err;
  };
  type Callback = (err: Error | undefined, client: pg.PoolClient | undefined, done: (release?: unknown) => void) => void;
  const connect = pool.connect.bind(pool) as (cb?: Callback) => Promise<pg.PoolClient> | undefined;
  (pool as unknown as { connect: (cb?: Callback) => unknown }).connect = (cb?: Callback) => {
    if (cb) return connect((err, client, done) => cb(err ? (explain(err) as Error) : err, client, done));
    return (connect() as Promise<pg.PoolClient>).catch((err: unknown) => {
      throw explain(err);
    });
  };
}

const DOWN_CODES = new Set([
  'ECONNREFUSED',
  'ENOENT',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now (starting up, shutting down)
  '08006',
  '08001',
  '08003',
]);
const BUSY_CODES = new Set(['53300' /* too_many_connections */, '53400' /* configuration_limit_exceeded */]);

/** Why the database could not serve, when that is what `err` says; undefined for any other error. */
export function whyUnavailable(err: unknown): DbUnavailable | undefined {
  const e = err as { code?: unknown; message?: unknown; unavailable?: DbUnavailable } | null | undefined;
  if (!e || typeof e !== 'object') return undefined;
  if (e.unavailable) return e.unavailable;
  const code = typeof e.code === 'string' ? e.code : '';
  if (code === '57014') return 'statement_timeout';
  if (BUSY_CODES.has(code)) return 'database_busy';
  if (DOWN_CODES.has(code)) return 'database_down';
  const message = typeof e.message === 'string' ? e.message : '';
  if (message === POOL_WAIT_TIMEOUT) return 'pool_exhausted';
  if (/Connection terminated|connection timeout|Client has encountered a connection error/i.test(message)) return 'database_down';
  return undefined;
}
