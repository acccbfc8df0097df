/** Decide where the database is: DATABASE_URL (a PostgreSQL server) or the embedded cluster under DATA_DIR. */
import path from 'node:path';
import { DataDirInUseError, type EmbeddedServer, type EmbeddedSupervision, startEmbedded } from './embedded.ts';

export interface ResolvedDatabase {
  mode: 'embedded' | 'external';
  connectionString: string;
  embedded?: EmbeddedServer;
  stop(): Promise<void>;
}

export const EMBEDDED_DB_NAME = 'clinicdesk';

export async function resolveDatabase(opts: {
  databaseUrl?: string | undefined;
  dataDir: string;
  log?: (line: string) => void;
  /** CLI commands: when a running ClinicDesk owns the data dir, use its server instead of refusing. */
  shareRunning?: boolean;
  /** The server: restart the embedded PostgreSQL when it dies (see EmbeddedOptions.supervise). */
  supervise?: EmbeddedSupervision;
}): Promise<ResolvedDatabase> {
  if (opts.databaseUrl) {
    return { mode: 'external', connectionString: opts.databaseUrl, stop: async () => undefined };
  }
  const dataDir = path.resolve(opts.dataDir);
  let embedded: EmbeddedServer;
  try {
    embedded = await startEmbedded({ dataDir, log: opts.log, supervise: opts.supervise });
  } catch (e) {
    if (!(e instanceof DataDirInUseError) || !opts.shareRunning) throw e;
    const socketDir = path.join(dataDir, 'run');
    return {
      mode: 'embedded',
      connectionString: `postgresql://postgres@/${EMBEDDED_DB_NAME}?host=${encodeURIComponent(socketDir)}&port=5432`,
      stop: async () => undefined,
    };
  }
  const admin = await import('pg');
  const client = new admin.default.Client({ connectionString: embedded.connectionString('postgres') });
  await client.connect();
  try {
    const exists = await client.query('select 1 from pg_database where datname = $1', [EMBEDDED_DB_NAME]);
    if (exists.rowCount === 0) await client.query(`create database ${EMBEDDED_DB_NAME}`);
  } finally {
    await client.end();
  }
  return {
    mode: 'embedded',
    connectionString: embedded.connectionString(EMBEDDED_DB_NAME),
    embedded,
    stop: () => embedded.stop(),
  };
}
