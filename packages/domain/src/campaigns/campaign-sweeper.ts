/**
 * Keeps the campaign stages running: every minute, one sweep job keyed by the minute (any number
 * of processes together sweep once per minute). Started with the other periodic work.
 */
import { enqueueJob } from '../jobs/index.ts';
import type { Clock } from '../shared/clock.ts';
import type { Db } from '../shared/context.ts';
import { PeriodicTask } from '../shared/periodic-task.ts';
import { CAMPAIGN_SWEEP_QUEUE } from './run-stages.ts';

export class CampaignSweeper extends PeriodicTask {
  constructor(opts: { db: Db; clock: Clock; intervalMs?: number; onError?: (err: unknown) => void }) {
    super(
      async () => {
        const minute = Math.floor(opts.clock.now().getTime() / 60_000);
        await enqueueJob(
          opts.db,
          CAMPAIGN_SWEEP_QUEUE,
          {},
          { dedupeKey: `campaign-sweep:${minute}`, maxAttempts: 1, runAt: opts.clock.now() },
        );
      },
      opts.intervalMs ?? 60_000,
      opts.onError,
    );
  }
}
