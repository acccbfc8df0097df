/** Connection pool and Kysely instance, with the app's least-privilege role applied to every connection. */
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';

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
}

export function createPool(options: PoolOptions): pg.Pool {
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.max ?? 20,
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
    application_name: 'clinicdesk',
  });
  if (options.appRole !== false) {
    pool.on('connect', (client) => {
      client.query(`SET ROLE ${pg.escapeIdentifier(APP_ROLE)}`).catch(() => {
        // The role is missing when the connecting user may not create roles;
        // migrate() warns about that once. The connection keeps the login role.
      });
    });
  }
  // An idle client losing its server (database restart) must not crash the process.
  pool.on('error', () => undefined);
  return pool;
}

export function createKysely<DB>(pool: pg.Pool): Kysely<DB> {
  return new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
}
