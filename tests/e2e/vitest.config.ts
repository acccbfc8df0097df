import path from 'node:path';
import { defineConfig } from 'vitest/config';

const r = (p: string) => path.resolve(import.meta.dirname, '../..', p);

/** Browser journeys against a real ClinicDesk server (its own embedded PostgreSQL) in Chromium. */
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
    root: r('.'),
    include: ['tests/e2e/**/*.e2e.ts'],
    // One first start (migrations, code sets, demo practice); each file's server starts on a copy of its data dir.
    globalSetup: ['tests/e2e/helpers/global-setup.ts'],
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
