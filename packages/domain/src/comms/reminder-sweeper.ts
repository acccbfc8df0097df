/**
 * Keeps the reminder sweep running: every minute, enqueue one sweep job keyed by the
 * minute, so any number of processes together run one sweep per minute, on whichever
 * job runner claims it. Started by `clinicdesk serve` next to the audit sealer.
 */
import { enqueueJob } from '../jobs/index.ts';
import type { Clock } from '../shared/clock.ts';
import type { Db } from '../shared/context.ts';
import { REMINDER_SWEEP_QUEUE } from './sweep-reminders.ts';

export interface ReminderSweeperOptions {
  db: Db;
  clock: Clock;
  intervalMs?: number;
  onError?: (err: unknown) => void;
}

export class ReminderSweeper {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;

  constructor(private readonly opts: ReminderSweeperOptions) {}

  start(): void {
    const tick = () => {
      if (this.stopped) return;
      this.running = this.runOnce().finally(() => {
        this.running = undefined;
        if (!this.stopped) this.timer = setTimeout(tick, this.opts.intervalMs ?? 60_000);
      });
    };
    this.timer = setTimeout(tick, 0);
  }

  /** Enqueue this minute's sweep (a no-op when another process did). */
  async runOnce(): Promise<void> {
    try {
      const minute = Math.floor(this.opts.clock.now().getTime() / 60_000);
      await enqueueJob(
        this.opts.db,
        REMINDER_SWEEP_QUEUE,
        {},
        { dedupeKey: `sweep:${minute}`, maxAttempts: 1, runAt: this.opts.clock.now() },
      );
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
