/**
 * Keeps the jobs table small: every hour (and once at start) deletes finished jobs past
 * their retention (prune-jobs.ts). Started by `clinicdesk serve` next to the audit sealer
 * and the reminder sweeper; several processes may run it at once (locked rows are skipped).
 */
import type { Clock } from '../shared/clock.ts';
import type { Db } from '../shared/context.ts';
import { PeriodicTask } from '../shared/periodic-task.ts';
import { type PruneJobsOptions, pruneJobs } from './prune-jobs.ts';

export interface JobPrunerOptions extends PruneJobsOptions {
  db: Db;
  clock: Clock;
  intervalMs?: number;
  onPruned?: (deleted: { done: number; dead: number }) => void;
  onError?: (err: unknown) => void;
}

export class JobPruner extends PeriodicTask {
  constructor(opts: JobPrunerOptions) {
    super(
      async () => {
        const deleted = await pruneJobs(opts.db, opts.clock, opts);
        if (deleted.done + deleted.dead > 0) opts.onPruned?.(deleted);
      },
      opts.intervalMs ?? 3_600_000,
      opts.onError,
    );
  }
}
