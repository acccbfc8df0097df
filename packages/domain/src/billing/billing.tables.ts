import type { ColumnType, Generated } from 'kysely';

type Created = ColumnType<Date, Date | string | undefined, never>;
type Updated = ColumnType<Date, Date | string | undefined, Date | string>;
type OptionalInstant = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
/** bigint cents: read as numbers (pool.ts parses int8). */
type Cents = ColumnType<number, number | bigint, number | bigint>;

export const CHARGE_STATUSES = ['needs_price', 'review', 'approved', 'void'] as const;
export type ChargeStatus = (typeof CHARGE_STATUSES)[number];
export const PRICE_SOURCES = ['fee_schedule', 'procedure_list', 'none', 'manual'] as const;
export type PriceSource = (typeof PRICE_SOURCES)[number];

/**
 * Fee schedules (migration 0150): the standard schedule (payer_id null) and each payer's
 * contracted amounts. No two entries of one schedule, code and modifier cover the same day.
 */
export interface FeeScheduleEntriesTable {
  id: Generated<string>;
  organization_id: string;
  payer_id: string | null;
  code: string;
  modifier: Generated<string>;
  amount_cents: Cents;
  effective_from: string;
  effective_to: string | null;
  version: Generated<number>;
  created_by: string | null;
  created_at: Created;
  updated_at: Updated;
}

/** Charges (migration 0151): approved and void rows are final (trigger `charges_final_lock`). */
export interface ChargesTable {
  id: Generated<string>;
  organization_id: string;
  patient_id: string;
  encounter_id: string;
  line: number;
  provider_id: string;
  location_id: string;
  date_of_service: string;
  procedure_code: string;
  modifiers: string[];
  units: number;
  diagnosis_pointers: number[];
  encounter_diagnoses: string[];
  diagnosis_codes: string[];
  /** Null for a manual price (an amount for the whole line); else amount_cents = unit_price_cents × units (a check). */
  unit_price_cents: ColumnType<number | null, number | bigint | null, number | bigint | null>;
  amount_cents: Cents;
  price_source: PriceSource;
  status: ChargeStatus;
  approved_at: OptionalInstant;
  approved_by: string | null;
  void_reason: string | null;
  voided_at: OptionalInstant;
  voided_by: string | null;
  version: Generated<number>;
  created_at: Created;
  updated_at: Updated;
}

export interface BillingTables {
  fee_schedule_entries: FeeScheduleEntriesTable;
  charges: ChargesTable;
}
