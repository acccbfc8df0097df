-- Pruning finished background jobs (JobPruner): find old 'done' and 'dead' rows without a full scan.
create index jobs_finished on jobs (state, finished_at) where state in ('done', 'dead');
