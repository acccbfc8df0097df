import type { ColumnType, Generated } from 'kysely';

export interface AuditEventsTable {
  seq: Generated<number>;
  occurred_at: ColumnType<Date, never, never>;
  organization_id: string | null;
  user_id: string | null;
  role: string | null;
  patient_id: string | null;
  action: string;
  resource_type: string | null;
  resource_id: string | null;
  outcome: 'success' | 'denied';
  ip: string | null;
  user_agent: string | null;
  request_id: string | null;
  break_glass: Generated<boolean>;
  changes: ColumnType<Record<string, { before: unknown; after: unknown }> | null, string | null, never>;
  details: ColumnType<Record<string, unknown> | null, string | null, never>;
}

export interface AuditSealsTable {
  seq: number;
  hash: Buffer;
  sealed_at: ColumnType<Date, never, never>;
}

export interface AuditTables {
  audit_events: AuditEventsTable;
  audit_seals: AuditSealsTable;
}
