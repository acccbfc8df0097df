/** Fails a file listed in tests/setup/database-free.ts that used the suite's database server. */
import path from 'node:path';
import { usedTestServer } from '@db/testing.ts';
import { afterAll, expect } from 'vitest';
import { isDatabaseFree } from './database-free.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');

afterAll(() => {
  const file = path
    .relative(ROOT, expect.getState().testPath ?? '')
    .split(path.sep)
    .join('/');
  if (!isDatabaseFree(file)) return;
  expect(
    usedTestServer(),
    `${file} uses the suite's database server: take it out of tests/setup/database-free.ts so it runs on both servers`,
  ).toBe(false);
});
