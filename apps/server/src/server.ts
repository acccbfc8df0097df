/**
 * `clinicdesk serve`: one process with the database (embedded unless DATABASE_URL),
 * migrations, demo data, the HTTP API and web UI, and the job runner. SIGTERM and
 * SIGINT shut down in order: stop accepting, finish in-flight requests, stop
 * claiming jobs, close the pool, stop the embedded server.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createKysely, createPool, migrate, resolveDatabase } from '@db/index.ts';
import type { Database } from '@domain/database.ts';
import { seedDemo } from '@domain/demo/index.ts';
import { icd10IndexTask } from '@domain/codes/index.ts';
import { ensureAdmin } from '@domain/identity/index.ts';
import { JobRunner } from '@domain/jobs/index.ts';
import { periodicTasks } from '@domain/modules.ts';
import { type Clock, systemClock } from '@domain/shared/clock.ts';
import type { PeriodicTask } from '@domain/shared/periodic-task.ts';
import pino from 'pino';
import { type AppDeps, buildApp } from './app.ts';
import { type Config, installationOf } from './config.ts';
import { jobHandlers } from './jobs/index.ts';
import { loggerOptions, prettyTransport } from './logger.ts';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
/** The built web UI; `CLINICDESK_WEB_DIST` points elsewhere (a UI built apart, or one build per worktree). */
export const WEB_DIST = process.env.CLINICDESK_WEB_DIST ? path.resolve(process.env.CLINICDESK_WEB_DIST) : path.join(ROOT, 'apps/web/dist');

/** The job runner's workers (2) and the periodic tasks, with room to spare. */
const BACKGROUND_POOL_MAX = 4;
/** A request's transaction left idle this long (a stalled handler holding locks) is ended by the database. */
const REQUEST_IDLE_IN_TRANSACTION_MS = 60_000;

export interface RunningServer {
  url: string;
  stop(): Promise<void>;
}

export function buildWebIfMissing(log: (m: string) => void): void {
  if (fs.existsSync(path.join(WEB_DIST, 'index.html'))) return;
  log('building the web UI (first start only)…');
  execFileSync(
    process.execPath,
    [path.join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'apps/web/vite.config.ts', '--logLevel', 'warn'],
    {
      cwd: ROOT,
      stdio: 'inherit',
    },
  );
}

export async function startServer(
  config: Config,
  opts: {
    clock?: Clock;
    buildWeb?: boolean;
    installSignals?: boolean;
    /** Extra route modules (tests: a slow route to prove graceful shutdown). */
    extraRoutes?: AppDeps['extraRoutes'];
  } = {},
): Promise<RunningServer> {
  const clock = opts.clock ?? systemClock;
  const log = pino({ level: config.logLevel, ...prettyTransport(config.logPretty) });
  if (opts.buildWeb) buildWebIfMissing((m) => log.info(m));
  const database = await resolveDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    log: (line) => log.debug({ component: 'postgres' }, line),
    // The embedded PostgreSQL is ours to keep running; when it cannot be restarted, exit non-zero
    // so the process supervisor (systemd, docker) restarts the whole office (its last lines written first).
    supervise: { logger: log, onGiveUp: () => log.flush(() => process.exit(1)) },
  });
  let pool: ReturnType<typeof createPool> | undefined;
  let backgroundPool: ReturnType<typeof createPool> | undefined;
  try {
    log.info({ mode: database.mode }, 'database ready');
    const migrated = await migrate(database.connectionString, (m) => log.info(m));
    pool = createPool({
      connectionString: database.connectionString,
      max: config.dbPoolMax,
      appRole: migrated.appRole,
      statementTimeoutMillis: config.statementTimeoutMs,
      idleInTransactionTimeoutMillis: REQUEST_IDLE_IN_TRANSACTION_MS,
    });
    const db = createKysely<Database>(pool);
    // Background work (jobs, the audit sealer, the reminder sweep, demo data) has connections of
    // its own, so a flood of requests cannot stop it, nor it the requests. No statement timeout:
    // nobody waits on the answer, and a job's work is not a request's.
    backgroundPool = createPool({
      connectionString: database.connectionString,
      max: BACKGROUND_POOL_MAX,
      appRole: migrated.appRole,
      connectionTimeoutMillis: 30_000,
      applicationName: 'clinicdesk-background',
    });
    const backgroundDb = createKysely<Database>(backgroundPool);
    if (config.demo) {
      const logins = await seedDemo(backgroundDb, clock);
      if (logins) {
        // Printed once, on the start that created them.
        const lines = logins.map((l) => `  ${l.role.padEnd(15)} ${l.email.padEnd(36)} ${l.password}`);
        process.stdout.write(`\nDemo practice created. Sign in with one of these accounts:\n${lines.join('\n')}\n\n`);
      }
    }
    if (config.adminEmail && config.adminPassword) {
      await ensureAdmin(db, clock, { email: config.adminEmail, password: config.adminPassword, requireMfa: config.requireMfa });
    }
    const { app } = await buildApp({
      db,
      pool,
      clock,
      logger: loggerOptions(config.logLevel, config.logPretty),
      bodyLimitBytes: config.bodyLimitBytes,
      secureCookies: config.secureCookies,
      trustProxy: config.trustProxy,
      webDist: WEB_DIST,
      config,
      extraRoutes: opts.extraRoutes,
    });
    const runner = config.jobs
      ? new JobRunner({
          db: backgroundDb,
          clock,
          installation: installationOf(config),
          handlers: jobHandlers,
          onError: (err, job) => log.warn({ err, jobId: job.id, queue: job.queue }, 'job failed'),
        })
      : undefined;
    runner?.start();
    // Each module's periodic work (audit sealer, reminder sweep, job pruning), in the process that runs background work.
    const periodic: PeriodicTask[] = config.jobs ? periodicTasks({ db: backgroundDb, clock, log }) : [];
    // Every serving process keeps its own in-memory ICD-10-CM search index (searches go to the database until it is built).
    periodic.push(icd10IndexTask({ db: backgroundDb, log }));
    for (const task of periodic) task.start();
    const address = await app.listen({ port: config.port, host: config.host });
    log.info({ address }, 'ClinicDesk is listening');
    let stopping: Promise<void> | undefined;
    const stop = () => {
      stopping ??= (async () => {
        log.info('shutting down');
        // Stops accepting; in-flight requests finish. A keep-alive connection that goes idle after
        // its last response would hold close() open for keepAliveTimeout (72 s, longer than a
        // SIGTERM-to-SIGKILL grace period): close such connections as they go idle.
        const reaper = setInterval(() => app.server.closeIdleConnections(), 100);
        await app.close().finally(() => clearInterval(reaper));
        await runner?.stop(); // stops claiming; jobs in hand finish
        for (const task of periodic) await task.stop();
        await pool?.end();
        await backgroundPool?.end();
        await database.stop();
        log.info('stopped');
      })();
      return stopping;
    };
    if (opts.installSignals !== false) {
      for (const sig of ['SIGTERM', 'SIGINT'] as const) {
        process.once(sig, () => {
          stop().then(
            () => process.exit(0),
            (err) => {
              log.error({ err }, 'shutdown failed');
              process.exit(1);
            },
          );
        });
      }
    }
    return { url: `http://localhost:${config.port}`, stop };
  } catch (e) {
    await pool?.end().catch(() => undefined);
    await backgroundPool?.end().catch(() => undefined);
    await database.stop();
    throw e;
  }
}
