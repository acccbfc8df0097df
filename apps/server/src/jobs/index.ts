/** Background job handlers by queue name, from every module's manifest (packages/domain/src/modules.ts). */
import type { JobHandler } from '@domain/jobs/index.ts';
import { jobHandlers as moduleJobHandlers } from '@domain/modules.ts';

/** One object the runner reads (tests add a queue of their own to it). */
export const jobHandlers: Record<string, JobHandler> = { ...moduleJobHandlers() };
