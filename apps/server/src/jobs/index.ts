/** Background job handlers by queue name. A module with jobs adds its handlers here. */
import type { JobHandler } from '@domain/jobs/index.ts';
import { handleNoShowJob, NO_SHOW_QUEUE } from '@domain/scheduling/index.ts';

export const jobHandlers: Record<string, JobHandler> = {
  [NO_SHOW_QUEUE]: handleNoShowJob,
};
