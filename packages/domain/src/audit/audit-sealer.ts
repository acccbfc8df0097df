/**
 * The recurring sealer `clinicdesk serve` runs: every few seconds, one sealAudit run.
 * A plain interval loop rather than a job: the sealer needs its own short transactions
 * (the exclusive try-lock must end before sealing starts), while a job handler runs
 * inside the job's claiming transaction. Several processes may run one each; the seal
 * lock makes them take turns.
 */
import type { Db } from '../shared/context.ts';
import { type SealResult, sealAudit } from './seal-audit.ts';

export interface AuditSealerOptions {
  db: Db;
  intervalMs?: number;
  onError?: (err: unknown) => void;
  onSealed?: (result: SealResult) => void;
}

export class AuditSealer {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;

  constructor(private readonly opts: AuditSealerOptions) {}

  start(): void {
    const tick = () => {
      if (this.stopped) return;
      this.running = this.runOnce().finally(() => {
        this.running = undefined;
        if (!this.stopped) this.timer = setTimeout(tick, this.opts.intervalMs ?? 5_000);
      });
    };
    this.timer = setTimeout(tick, 0);
  }

  /** One run; errors (database down) are reported and the next tick tries again. */
  async runOnce(): Promise<void> {
    try {
      const result = await sealAudit(this.opts.db);
      if (result.sealed > 0) this.opts.onSealed?.(result);
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
