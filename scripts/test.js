#!/usr/bin/env node
// `npm test`: lint, type-check, the suite on the embedded server, the same suite on an
// external PostgreSQL when TEST_DATABASE_URL is set, then the browser tests in Chromium.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

const run = (title, cmd, args, env = {}) => {
  const started = Date.now();
  console.log(`\n▶ ${title}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  if (r.status !== 0) {
    console.error(`✖ ${title} failed (${secs}s)`);
    process.exit(r.status ?? 1);
  }
  console.log(`✔ ${title} (${secs}s)`);
};

const npx = 'npx';
run('biome (format + lint)', npx, ['biome', 'check', '.']);
run('typescript (tsc --noEmit)', npx, ['tsc', '--noEmit', '-p', 'tsconfig.json']);
run('module boundaries', process.execPath, ['scripts/check-boundaries.js']);
run('generated docs are current', process.execPath, ['bin/clinicdesk.js', 'docs', 'permissions', '--check']);
run('suite on embedded PostgreSQL', npx, ['vitest', 'run'], { CLINICDESK_TEST_TARGET: 'embedded' });
if (process.env.TEST_DATABASE_URL) {
  run('suite on external PostgreSQL (TEST_DATABASE_URL)', npx, ['vitest', 'run'], { CLINICDESK_TEST_TARGET: 'external' });
} else {
  console.log('\n(TEST_DATABASE_URL not set: skipping the run against an external PostgreSQL)');
}
if (fs.existsSync('tests/e2e/vitest.config.ts')) {
  run('web build', process.execPath, [
    'node_modules/vite/bin/vite.js',
    'build',
    '--config',
    'apps/web/vite.config.ts',
    '--logLevel',
    'warn',
  ]);
  run('browser tests (Chromium)', npx, ['vitest', 'run', '--config', 'tests/e2e/vitest.config.ts']);
}
