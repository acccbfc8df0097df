/**
 * The recurring sealer `clinicdesk serve` runs: every few seconds, one sealAudit run.
 * A plain interval loop rather than a job: the sealer needs its own short transactions
 * (the exclusive try-lock must end before sealing starts), while a job handler runs
 * inside the job's claiming transaction. Several processes may run one each; the seal
 * lock makes them take turns.
 */
import type { Db } from '../shared/context.ts';
import { PeriodicTask } from '../shared/periodic-task.ts';
import { type SealResult, sealAudit } from './seal-audit.ts';

export interface AuditSealerOptions {
  db: Db;
  intervalMs?: number;
  onError?: (err: unknown) => void;
  onSealed?: (result: SealResult) => void;
}

export class AuditSealer extends PeriodicTask {
  constructor(opts: AuditSealerOptions) {
    super(
      async () => {
        const result = await sealAudit(opts.db);
        if (result.sealed > 0) opts.onSealed?.(result);
      },
      opts.intervalMs ?? 5_000,
      opts.onError,
    );
  }
}
