export { type EnqueueOptions, enqueueJob } from './enqueue.ts';
export { jobEnqueuedSql } from './job-enqueued-sql.ts';
export { backoffMs, type JobContext, type JobHandler, JobRunner, type JobRunnerOptions } from './job-runner.ts';
export type { JobsTables } from './jobs.tables.ts';
export { JobPruner, type JobPrunerOptions } from './job-pruner.ts';
export { DEAD_JOB_RETENTION_DAYS, DONE_JOB_RETENTION_DAYS, type PruneJobsOptions, pruneJobs } from './prune-jobs.ts';
