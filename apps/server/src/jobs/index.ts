/** Background job handlers by queue name. A module with jobs adds its handlers here. */
import type { JobHandler } from '@domain/jobs/index.ts';

export const jobHandlers: Record<string, JobHandler> = {};
