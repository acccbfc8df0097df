/**
 * Finished background jobs are kept for a while (to inspect, and so a dedupe key keeps
 * a second identical job out), then deleted: 'done' after 7 days, 'dead' (the
 * dead-letter state, kept longer for diagnosis) after 90. Handlers whose effects must
 * happen once record them in their own tables (comms `messages`, waitlist offers), so
 * forgetting an old key does not repeat an effect.
 */
import type { Clock } from '../shared/clock.ts';
import type { Db } from '../shared/context.ts';

const DAY_MS = 86_400_000;
export const DONE_JOB_RETENTION_DAYS = 7;
export const DEAD_JOB_RETENTION_DAYS = 90;
/** Rows deleted per statement: keeps each transaction short on a big backlog. */
const BATCH = 5_000;

export interface PruneJobsOptions {
  doneRetentionDays?: number;
  deadRetentionDays?: number;
  batchSize?: number;
}

/** Delete 'done' and 'dead' jobs finished before their retention; returns how many of each went. */
export async function pruneJobs(db: Db, clock: Clock, opts: PruneJobsOptions = {}): Promise<{ done: number; dead: number }> {
  const now = clock.now().getTime();
  const batch = opts.batchSize ?? BATCH;
  const deleted = { done: 0, dead: 0 };
  for (const [state, days] of [
    ['done', opts.doneRetentionDays ?? DONE_JOB_RETENTION_DAYS],
    ['dead', opts.deadRetentionDays ?? DEAD_JOB_RETENTION_DAYS],
  ] as const) {
    const before = new Date(now - days * DAY_MS);
    for (;;) {
      const res = await db
        .deleteFrom('jobs')
        .where(
          'id',
          'in',
          db
            .selectFrom('jobs')
            .select('id')
            .where('state', '=', state)
            .where('finished_at', '<', before)
            .limit(batch)
            .forUpdate()
            .skipLocked(),
        )
        .executeTakeFirst();
      const n = Number(res.numDeletedRows);
      deleted[state] += n;
      if (n < batch) break;
    }
  }
  return deleted;
}
