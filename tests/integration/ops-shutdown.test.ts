/**
 * Graceful shutdown (what SIGTERM runs): a request in flight when stop() begins
 * completes with 200; jobs in hand finish; the runner claims nothing new once it
 * has been told to stop. startServer runs in-process on this file's database.
 */
import { createTestDatabase } from '@db/testing.ts';
import type { Database } from '@domain/database.ts';
import { enqueueJob, JobRunner } from '@domain/jobs/index.ts';
import { loadConfig } from '@server/config.ts';
import { jobHandlers } from '@server/jobs/index.ts';
import type { App } from '@server/plugins/types.ts';
import { startServer } from '@server/server.ts';
import { describe, expect, it, vi } from 'vitest';
import { freePort, httpStatus, waitUntil } from '../helpers/ops.ts';

const t = await createTestDatabase<Database>();

/** A promise with its resolver, to hold a request or a job until the test lets go. */
function gate() {
  let open!: () => void;
  const closed = new Promise<void>((r) => {
    open = r;
  });
  return { open, closed };
}

describe('graceful shutdown', () => {
  it('finishes the in-flight request and the jobs in hand, and claims no new job', async () => {
    const requestGate = gate();
    const jobGate = gate();
    let requestEntered = false;
    const slowJobsStarted: number[] = [];
    let laterRuns = 0;
    // Handlers register the way modules do (apps/server/src/jobs/index.ts); this process only.
    jobHandlers['ops-slow'] = async ({ job }) => {
      slowJobsStarted.push(job.id);
      await jobGate.closed;
    };
    jobHandlers['ops-later'] = async () => {
      laterRuns++;
    };
    const slowRoute = async (app: App) => {
      app.get('/test/slow', { config: { public: true } }, async () => {
        requestEntered = true;
        await requestGate.closed;
        return { finished: true };
      });
    };
    // The server's runner has two workers (the default): two slow jobs keep both busy.
    const slow = [await enqueueJob(t.db, 'ops-slow', {}), await enqueueJob(t.db, 'ops-slow', {})];
    const port = await freePort();
    const config = loadConfig({
      DATABASE_URL: t.connectionString,
      PORT: String(port),
      HOST: '127.0.0.1',
      CLINICDESK_DEMO: '0',
      LOG_LEVEL: 'silent',
    });
    const server = await startServer(config, { installSignals: false, extraRoutes: [slowRoute] });
    const base = `http://127.0.0.1:${port}`;
    const runnerStop = vi.spyOn(JobRunner.prototype, 'stop');
    try {
      await waitUntil(() => slowJobsStarted.length === 2, 10_000, 'both slow jobs to start');
      const later = (await enqueueJob(t.db, 'ops-later', {})) as number;

      const inFlight = fetch(`${base}/test/slow`);
      await waitUntil(() => requestEntered, 10_000, 'the slow request to reach its handler');

      const stopped = server.stop();
      // No new connections while draining.
      await waitUntil(async () => (await httpStatus(`${base}/healthz`)) !== 200, 10_000, 'the listener to close');

      requestGate.open();
      const res = await inFlight;
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ finished: true });

      // Requests are drained before the runner is told to stop; then the jobs in hand may finish.
      await waitUntil(() => runnerStop.mock.calls.length > 0, 10_000, 'the runner to be stopped');
      jobGate.open();
      await stopped;

      const rows = await t.db
        .selectFrom('jobs')
        .select(['id', 'state', 'attempts'])
        .where('queue', 'in', ['ops-slow', 'ops-later'])
        .execute();
      const byId = new Map(rows.map((r) => [r.id, r]));
      for (const id of slow) expect(byId.get(id as number)).toMatchObject({ state: 'done', attempts: 1 });
      expect(byId.get(later)).toMatchObject({ state: 'queued', attempts: 0 });
      expect(laterRuns).toBe(0);
      expect(await httpStatus(`${base}/healthz`)).toBe(0);
    } finally {
      runnerStop.mockRestore();
      requestGate.open();
      jobGate.open();
      await server.stop();
    }
  });
});
