import path from 'node:path';
import { configDefaults, defineConfig } from 'vitest/config';
import { DATABASE_FREE } from './tests/setup/database-free.ts';

const r = (p: string) => path.resolve(import.meta.dirname, p);

/** The run on TEST_DATABASE_URL (scripts/test.js) leaves out the files that use no database: they ran on the embedded one. */
const external = process.env.CLINICDESK_TEST_TARGET === 'external';

export default defineConfig({
  resolve: {
    alias: {
      '@domain': r('packages/domain/src'),
      '@db': r('packages/db/src'),
      '@server': r('apps/server/src'),
      '@x12': r('packages/x12/src'),
    },
  },
  test: {
    // Every answer is written by its compiled serializer and by zod's, and fails when they differ (apps/server/src/plugins/serializer.ts).
    env: { CLINICDESK_CHECK_SERIALIZERS: '1' },
    include: ['packages/**/*.test.ts', 'apps/server/**/*.test.ts', 'apps/cli/**/*.test.ts', 'tests/integration/**/*.test.ts'],
    exclude: [...configDefaults.exclude, ...(external ? DATABASE_FREE.map((e) => (e.endsWith('/') ? `${e}**` : e)) : [])],
    globalSetup: ['tests/setup/global-setup.ts'],
    // Fails a file that wrote an audit event the catalogue refused, even where the error was swallowed.
    // Fails a file listed as using no database (tests/setup/database-free.ts) that used the suite's server.
    setupFiles: ['tests/setup/audit-catalogue-guard.ts', 'tests/setup/database-free-guard.ts'],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Each file gets its own database cloned from the migrated template: files are isolated.
    fileParallelism: true,
  },
});
