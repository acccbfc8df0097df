import type { ColumnType, Generated } from 'kysely';

type Instant = ColumnType<Date, Date | string | undefined, Date | string>;

export interface JobsTable {
  id: Generated<number>;
  queue: string;
  payload: ColumnType<Record<string, unknown>, string | undefined, string>;
  dedupe_key: string | null;
  state: Generated<'queued' | 'running' | 'done' | 'dead'>;
  attempts: Generated<number>;
  max_attempts: Generated<number>;
  run_at: Instant;
  locked_by: string | null;
  locked_until: Instant | null;
  last_error: string | null;
  created_at: Instant;
  finished_at: Instant | null;
}

export interface JobsTables {
  jobs: JobsTable;
}
