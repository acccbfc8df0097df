/**
 * Keeps the jobs table small: every hour (and once at start) deletes finished jobs past
 * their retention (prune-jobs.ts). Started by `clinicdesk serve` next to the audit sealer
 * and the reminder sweeper; several processes may run it at once (locked rows are skipped).
 */
import type { Clock } from '../shared/clock.ts';
import type { Db } from '../shared/context.ts';
import { type PruneJobsOptions, pruneJobs } from './prune-jobs.ts';

export interface JobPrunerOptions extends PruneJobsOptions {
  db: Db;
  clock: Clock;
  intervalMs?: number;
  onPruned?: (deleted: { done: number; dead: number }) => void;
  onError?: (err: unknown) => void;
}

export class JobPruner {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;

  constructor(private readonly opts: JobPrunerOptions) {}

  start(): void {
    const tick = () => {
      if (this.stopped) return;
      this.running = this.runOnce().finally(() => {
        this.running = undefined;
        if (!this.stopped) this.timer = setTimeout(tick, this.opts.intervalMs ?? 3_600_000);
      });
    };
    this.timer = setTimeout(tick, 0);
  }

  async runOnce(): Promise<void> {
    try {
      const deleted = await pruneJobs(this.opts.db, this.opts.clock, this.opts);
      if (deleted.done + deleted.dead > 0) this.opts.onPruned?.(deleted);
    } catch (err) {
      this.opts.onError?.(err);
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }
}
