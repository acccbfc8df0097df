import { defineModule } from '../module-manifest.ts';
import { DigestSweeper, DIGEST_SWEEP_QUEUE, handleDigestSweepJob, handleSendDigestJob, SEND_DIGEST_QUEUE } from './daily-digest.ts';

/** The office manager's dashboard: figures from the modules that own them, a CSV of them, and the daily digest email. */
export const dashboardModule = defineModule({
  name: 'dashboard',
  tables: ['dashboard_digests'],
  jobs: { [DIGEST_SWEEP_QUEUE]: handleDigestSweepJob, [SEND_DIGEST_QUEUE]: handleSendDigestJob },
  periodic: ({ db, clock, log }) => [
    new DigestSweeper({ db, clock, onError: (err) => log.warn({ err }, 'daily digest sweep could not be queued; will retry') }),
  ],
});
