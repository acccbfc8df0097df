#!/usr/bin/env node
// The `clinicdesk` command (see apps/cli). TypeScript runs through tsx; no build step.
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { register } from 'tsx/esm/api';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

// Under `npm start` the server's parent is npm, or the shell npm ran it in: npm passes a
// SIGTERM on to its child and exits, and a shell that did not exec dies of it without
// passing it on. When that parent goes, stop as if signalled, so no server and PostgreSQL
// are left running behind a stopped `npm start`.
if (process.env.npm_lifecycle_event && process.argv[2] === 'serve') {
  const parent = process.ppid;
  const watch = setInterval(() => {
    if (process.ppid === parent) return;
    clearInterval(watch);
    process.kill(process.pid, 'SIGTERM');
  }, 250);
  watch.unref();
}

register({ tsconfig: path.join(root, 'tsconfig.json') });
await import(pathToFileURL(path.join(root, 'apps/cli/src/main.ts')).href);
