import { defineModule } from '../module-manifest.ts';
import { JobPruner } from './job-pruner.ts';

/** The outbox job queue. */
export const jobsModule = defineModule({
  name: 'jobs',
  tables: ['jobs'],
  // Finished jobs are deleted hourly: 'done' after 7 days, 'dead' after 90.
  periodic: ({ db, clock, log }) => [
    new JobPruner({
      db,
      clock,
      onPruned: (deleted) => log.info(deleted, 'old finished jobs deleted'),
      onError: (err) => log.warn({ err }, 'pruning finished jobs failed; will retry'),
    }),
  ],
});
