/**
 * The canonical text of an audit row, the input of the hash chain. Built in SQL so the
 * sealer and the verifier read the very same bytes: jsonb prints its keys in a fixed
 * order, instants are printed in UTC with microseconds, and every column is included
 * (a test compares this list with the table's columns, so a new column cannot slip by).
 */
import { createHash } from 'node:crypto';
import { sql } from 'kysely';

export const CANONICAL_COLUMNS = [
  'seq',
  'occurred_at',
  'organization_id',
  'user_id',
  'role',
  'patient_id',
  'action',
  'resource_type',
  'resource_id',
  'outcome',
  'ip',
  'user_agent',
  'request_id',
  'break_glass',
  'changes',
  'details',
] as const;

const fields = CANONICAL_COLUMNS.map((c) =>
  c === 'occurred_at' ? `'occurred_at', to_char(e.occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')` : `'${c}', e.${c}`,
).join(', ');

/** `jsonb_build_object(...)::text` over the row aliased `e` (column names only: no input reaches it). */
export const canonicalRowSql = sql<string>`jsonb_build_object(${sql.raw(fields)})::text`;

/** The hash before the first row. */
export const GENESIS_HASH: Buffer = Buffer.alloc(32);

/** hash = SHA-256(prev_hash || canonical row). */
export function chainHash(prev: Buffer, canonical: string): Buffer {
  return createHash('sha256').update(prev).update(canonical, 'utf8').digest();
}
