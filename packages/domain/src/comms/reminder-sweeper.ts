/**
 * Keeps the reminder sweep running: every minute, enqueue one sweep job keyed by the
 * minute, so any number of processes together run one sweep per minute, on whichever
 * job runner claims it. Started by `clinicdesk serve` next to the audit sealer.
 */
import { enqueueJob } from '../jobs/index.ts';
import type { Clock } from '../shared/clock.ts';
import type { Db } from '../shared/context.ts';
import { PeriodicTask } from '../shared/periodic-task.ts';
import { REMINDER_SWEEP_QUEUE } from './sweep-reminders.ts';

export interface ReminderSweeperOptions {
  db: Db;
  clock: Clock;
  intervalMs?: number;
  onError?: (err: unknown) => void;
}

export class ReminderSweeper extends PeriodicTask {
  constructor(opts: ReminderSweeperOptions) {
    super(
      async () => {
        // This minute's sweep: a no-op when another process enqueued it already.
        const minute = Math.floor(opts.clock.now().getTime() / 60_000);
        await enqueueJob(opts.db, REMINDER_SWEEP_QUEUE, {}, { dedupeKey: `sweep:${minute}`, maxAttempts: 1, runAt: opts.clock.now() });
      },
      opts.intervalMs ?? 60_000,
      opts.onError,
    );
  }
}
