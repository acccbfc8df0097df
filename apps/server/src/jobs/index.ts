/** Background job handlers by queue name. A module with jobs adds its handlers here. */
import { handleReminderSweepJob, handleSendReminderJob, REMINDER_SWEEP_QUEUE, SEND_REMINDER_QUEUE } from '@domain/comms/index.ts';
import type { JobHandler } from '@domain/jobs/index.ts';
import { handleNoShowJob, NO_SHOW_QUEUE } from '@domain/scheduling/index.ts';
import { WAITLIST_JOB_HANDLERS } from '@domain/waitlist/index.ts';

export const jobHandlers: Record<string, JobHandler> = {
  [NO_SHOW_QUEUE]: handleNoShowJob,
  [REMINDER_SWEEP_QUEUE]: handleReminderSweepJob,
  [SEND_REMINDER_QUEUE]: handleSendReminderJob,
  ...WAITLIST_JOB_HANDLERS,
};
