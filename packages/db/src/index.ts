export { DataDirInUseError, type EmbeddedServer, startEmbedded } from './embedded.ts';
export { MigrationIntegrityError, migrate, migrationChecksum, migrationFiles, MIGRATIONS_DIR, planMigrations } from './migrate.ts';
export {
  APP_ROLE,
  createKysely,
  createPool,
  type DbUnavailable,
  type PoolState,
  poolExhausted,
  poolState,
  whyUnavailable,
} from './pool.ts';
export { ALL_TENANTS, currentTenant, organizationPool, organizationScopes, runInTenantScope, TENANT_SETTING } from './tenant.ts';
export { EMBEDDED_DB_NAME, type ResolvedDatabase, resolveDatabase } from './resolve.ts';
export { withDatabaseName } from './url.ts';
