/**
 * The audit module's read surface for other modules (migration 0099, listed in its manifest's
 * `views`): the trail, read-only, for the reports (compliance). Only audit appends to it.
 * Columns are read-only to Kysely (`never` on insert and update).
 */
import type { ColumnType } from 'kysely';

type Read<T> = ColumnType<T, never, never>;

export interface AuditTrailView {
  seq: Read<number>;
  occurred_at: Read<Date>;
  organization_id: Read<string | null>;
  user_id: Read<string | null>;
  role: Read<string | null>;
  patient_id: Read<string | null>;
  action: Read<string>;
  resource_type: Read<string | null>;
  resource_id: Read<string | null>;
  outcome: Read<'success' | 'denied'>;
  ip: Read<string | null>;
  user_agent: Read<string | null>;
  request_id: Read<string | null>;
  break_glass: Read<boolean>;
  changes: Read<Record<string, { before: unknown; after: unknown }> | null>;
  details: Read<Record<string, unknown> | null>;
}

export interface AuditViews {
  audit_trail: AuditTrailView;
}
