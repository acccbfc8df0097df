/**
 * A real ClinicDesk for browser tests: `clinicdesk serve` in a child process with the demo
 * practice, its own data directory and port; stopped with SIGTERM (the production shutdown path).
 *
 * The first start on an empty data directory (initdb, migrations, the code sets, the demo
 * practice) happens once per run, in the global setup (`global-setup.ts`), which stops that
 * server cleanly and keeps its data directory. Each file's server starts on its own copy of
 * it: the same practice, its own cluster, nothing shared with other files.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';
import { localDate, serve, type TestServer } from './serve.ts';

export type { TestServer };

declare module 'vitest' {
  export interface ProvidedContext {
    /** A stopped server's data dir holding the migrated database, the code sets and the demo practice. */
    e2eDemoDataDir: string;
    /** Each demo location's time zone → its local date when the demo was seeded. */
    e2eDemoSeededDates: Record<string, string>;
  }
}

/**
 * This file's data dir: a copy of the global setup's (`cp -a` keeps the cluster's owner and
 * modes), or an empty one when the demo's "today" has moved on since it was seeded (the
 * demo's schedule is laid out around the day it was seeded: a copy would show yesterday's).
 */
function freshDataDir(): string {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cd-e2e-'));
  const template = inject('e2eDemoDataDir');
  const now = new Date();
  const sameDay = Object.entries(inject('e2eDemoSeededDates')).every(([zone, date]) => localDate(now, zone) === date);
  if (template && sameDay) execFileSync('cp', ['-a', '--reflink=auto', `${template}/.`, dataDir]);
  return dataDir;
}

/** The file's server; `env` adds to its environment (e.g. CARD_GATEWAY_URL). */
export async function startServer(env: Record<string, string> = {}): Promise<TestServer> {
  const dataDir = freshDataDir();
  const removeDataDir = () => fs.rmSync(dataDir, { recursive: true, force: true });
  let server: TestServer;
  try {
    server = await serve(dataDir, env);
  } catch (e) {
    removeDataDir();
    throw e;
  }
  return {
    url: server.url,
    output: server.output,
    stop: async () => {
      await server.stop();
      removeDataDir();
    },
  };
}
