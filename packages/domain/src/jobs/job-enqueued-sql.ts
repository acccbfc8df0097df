import { type Expression, type SqlBool, sql } from 'kysely';

/**
 * SQL predicate: a job of `queue` with this dedupe key exists, whatever its state (so
 * enqueueJob would add none). For sweeps that must pass over what they already queued
 * (comms' reminder sweep) in the same statement that finds the work.
 */
export function jobEnqueuedSql(queue: string, dedupeKey: Expression<string>): Expression<SqlBool> {
  return sql<SqlBool>`exists (select 1 from jobs j where j.queue = ${queue} and j.dedupe_key = ${dedupeKey})`;
}
