/**
 * Test files that never use the suite's database server: pure unit tests, and operations tests
 * that start embedded clusters of their own. `npm test` runs the suite twice, on the embedded
 * server and on TEST_DATABASE_URL; these files would run the same code on the same inputs twice,
 * so the second run leaves them out (vitest.config.ts). A directory entry ends with '/'.
 *
 * Kept honest by tests/setup/database-free-guard.ts: a listed file that reaches the suite's
 * server (through @db/testing.ts, the only way to it) fails. A file not listed runs on both.
 */
export const DATABASE_FREE: readonly string[] = [
  'apps/',
  'packages/db/src/reference-keys.test.ts',
  'packages/domain/',
  'packages/x12/',
  'tests/integration/audit-zone-format.test.ts',
  'tests/integration/ops-backup-embedded.test.ts',
  'tests/integration/ops-cli-help.test.ts',
  'tests/integration/ops-db-down.test.ts',
  'tests/integration/ops-npm-start.test.ts',
  'tests/integration/ops-serve.test.ts',
  'tests/integration/ops-supervision.test.ts',
  'tests/integration/web-plain-messages.test.ts',
  'tests/integration/web-theme-contrast.test.ts',
];

/** Whether `file` (relative to the repository root, with '/') is in the list. */
export function isDatabaseFree(file: string): boolean {
  return DATABASE_FREE.some((entry) => (entry.endsWith('/') ? file.startsWith(entry) : file === entry));
}
