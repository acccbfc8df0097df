import path from 'node:path';
import { defineConfig } from 'vitest/config';

const r = (p: string) => path.resolve(import.meta.dirname, p);

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
    include: ['packages/**/*.test.ts', 'apps/server/**/*.test.ts', 'apps/cli/**/*.test.ts', 'tests/integration/**/*.test.ts'],
    globalSetup: ['tests/setup/global-setup.ts'],
    // Fails a file that wrote an audit event the catalogue refused, even where the error was swallowed.
    setupFiles: ['tests/setup/audit-catalogue-guard.ts'],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Each file gets its own database cloned from the migrated template: files are isolated.
    fileParallelism: true,
  },
});
