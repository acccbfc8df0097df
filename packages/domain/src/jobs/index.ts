export { type EnqueueOptions, enqueueJob } from './enqueue.ts';
export { backoffMs, type JobContext, type JobHandler, JobRunner, type JobRunnerOptions } from './job-runner.ts';
export type { JobsTables } from './jobs.tables.ts';
