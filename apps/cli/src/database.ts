/** Open the database for a CLI command: DATABASE_URL, or the embedded cluster (shared with a running server). */
import { createKysely, createPool, migrate, resolveDatabase } from '@db/index.ts';
import type { Database } from '@domain/database.ts';
import type { Db } from '@domain/shared/context.ts';
import { loadConfig } from '@server/config.ts';
import type pg from 'pg';

export interface CliDatabase {
  db: Db;
  pool: pg.Pool;
  connectionString: string;
  mode: 'embedded' | 'external';
  close(): Promise<void>;
}

export async function openDatabase(opts: { migrate?: boolean } = {}): Promise<CliDatabase> {
  const config = loadConfig();
  const database = await resolveDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, shareRunning: true });
  try {
    let appRole = true;
    if (opts.migrate !== false) appRole = (await migrate(database.connectionString)).appRole;
    const pool = createPool({ connectionString: database.connectionString, max: 8, appRole });
    return {
      db: createKysely<Database>(pool),
      pool,
      connectionString: database.connectionString,
      mode: database.mode,
      async close() {
        await pool.end();
        await database.stop();
      },
    };
  } catch (e) {
    await database.stop();
    throw e;
  }
}

/** Run `fn` with an open database and always close it. */
export async function withDatabase<T>(fn: (d: CliDatabase) => Promise<T>, opts: { migrate?: boolean } = {}): Promise<T> {
  const d = await openDatabase(opts);
  try {
    return await fn(d);
  } finally {
    await d.close();
  }
}
