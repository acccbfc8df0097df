export { DataDirInUseError, type EmbeddedServer, startEmbedded } from './embedded.ts';
export { migrate, migrationFiles, MIGRATIONS_DIR } from './migrate.ts';
export { APP_ROLE, createKysely, createPool } from './pool.ts';
export { EMBEDDED_DB_NAME, type ResolvedDatabase, resolveDatabase } from './resolve.ts';
export { withDatabaseName } from './url.ts';
