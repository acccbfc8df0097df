#!/usr/bin/env node
// The `clinicdesk` command (see apps/cli). TypeScript runs through tsx; no build step.
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { register } from 'tsx/esm/api';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
register({ tsconfig: path.join(root, 'tsconfig.json') });
await import(pathToFileURL(path.join(root, 'apps/cli/src/main.ts')).href);
