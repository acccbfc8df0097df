export { DataDirInUseError, type EmbeddedServer, startEmbedded } from './embedded.ts';
export { MigrationIntegrityError, migrate, migrationChecksum, migrationFiles, MIGRATIONS_DIR, planMigrations } from './migrate.ts';
export { APP_ROLE, createKysely, createPool } from './pool.ts';
export { ALL_TENANTS, currentTenant, runInTenantScope, setTenant, TENANT_SETTING } from './tenant.ts';
export { EMBEDDED_DB_NAME, type ResolvedDatabase, resolveDatabase } from './resolve.ts';
export { withDatabaseName } from './url.ts';
