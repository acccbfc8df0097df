import type { ColumnType, Generated } from 'kysely';

type Created = ColumnType<Date, Date | string | undefined, never>;
/** bigint cents: read as numbers (pool.ts parses int8). */
type Cents = ColumnType<number, number | bigint, number | bigint>;
type Json<T> = ColumnType<T, string, string>;

export const DUNNING_LEVELS = ['first', 'second', 'final'] as const;
export const STATEMENT_DELIVERIES = ['print', 'email'] as const;
export type StatementDelivery = (typeof STATEMENT_DELIVERIES)[number];

/** The five aging columns, bucket by bucket (0-30 ... 120+). */
export interface AgingColumns {
  aging_0_30_cents: Cents;
  aging_31_60_cents: Cents;
  aging_61_90_cents: Cents;
  aging_91_120_cents: Cents;
  aging_120_plus_cents: Cents;
}

/** Statement runs (migration 0200). */
export interface StatementRunsTable {
  id: Generated<string>;
  organization_id: string;
  location_id: string;
  as_of: string;
  min_balance_cents: Cents;
  status: Generated<'issued'>;
  statement_count: Generated<number>;
  emailed_count: Generated<number>;
  total_due_cents: ColumnType<number, number | bigint | undefined, number | bigint>;
  created_by: string | null;
  created_at: Created;
}

/** One statement per guarantor per run, as sent (append-only). */
export interface StatementsTable extends AgingColumns {
  id: Generated<string>;
  organization_id: string;
  run_id: string;
  guarantor_key: string;
  guarantor_patient_id: string | null;
  guarantor_name: string;
  patient_ids: string[];
  issued_on: string;
  next_statement_on: string;
  dunning_level: (typeof DUNNING_LEVELS)[number];
  amount_due_cents: Cents;
  delivery: StatementDelivery;
  message_id: string | null;
  snapshot: Json<unknown>;
  created_at: Created;
}

/** A run's working rows (deleted before its transaction commits). */
export interface StatementRunPatientsTable extends AgingColumns {
  organization_id: string;
  run_id: string;
  guarantor_key: string;
  patient_id: string;
  patient_cents: Cents;
  guarantor: Json<unknown>;
}

export interface StatementsTables {
  statement_runs: StatementRunsTable;
  statements: StatementsTable;
  statement_run_patients: StatementRunPatientsTable;
}
