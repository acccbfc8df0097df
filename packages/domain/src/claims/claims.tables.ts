import type { ColumnType, Generated } from 'kysely';
import type { ClaimSnapshot, ScrubResult } from './claim-snapshot.ts';
import type { ClaimStatus } from './claim-states.ts';

type Created = ColumnType<Date, Date | string | undefined, never>;
type Updated = ColumnType<Date, Date | string | undefined, Date | string>;
type Money = ColumnType<number, number | bigint, number | bigint>;

export interface ClaimCountersTable {
  organization_id: string;
  next_claim_number: Generated<Money>;
  next_interchange: Generated<Money>;
  next_group: Generated<Money>;
  next_transaction: Generated<Money>;
}

export interface ClaimsTable {
  id: Generated<string>;
  organization_id: string;
  patient_id: string;
  encounter_id: string;
  coverage_id: string;
  payer_id: string;
  provider_id: string;
  location_id: string;
  patient_control_number: string;
  frequency_code: Generated<'1' | '7' | '8'>;
  status: Generated<ClaimStatus>;
  date_of_service: string;
  place_of_service: string;
  prior_authorization: string | null;
  diagnoses: string[];
  total_charge_cents: Money;
  snapshot: ColumnType<ClaimSnapshot, string, string>;
  last_scrub: ColumnType<ScrubResult | null, string | null | undefined, string | null>;
  batch_id: string | null;
  version: Generated<number>;
  created_by: string | null;
  created_at: Created;
  updated_at: Updated;
}

export interface ClaimLinesTable {
  organization_id: string;
  claim_id: string;
  line_number: number;
  charge_id: string;
  procedure_code: string;
  modifiers: string[];
  units: number;
  charge_cents: Money;
  diagnosis_pointers: number[];
}

/** Append-only (migration 0160): INSERT and SELECT only. */
export interface ClaimEventsTable {
  id: Generated<string>;
  organization_id: string;
  claim_id: string;
  at: ColumnType<Date, Date | string | undefined, never>;
  user_id: string | null;
  from_status: ClaimStatus | null;
  to_status: ClaimStatus;
  reason: string;
}

/** Append-only (migration 0160): INSERT and SELECT only. */
export interface ClaimOverridesTable {
  id: Generated<string>;
  organization_id: string;
  claim_id: string;
  rule: string;
  reason: string;
  user_id: string | null;
  at: ColumnType<Date, Date | string | undefined, never>;
}

export interface ClaimBatchesTable {
  id: Generated<string>;
  organization_id: string;
  interchange_control_number: Money;
  group_control_number: Money;
  claim_count: number;
  total_charge_cents: Money;
  usage_indicator: 'T' | 'P';
  x12: string;
  sha256: string;
  outbox_path: string | null;
  outbox_error: string | null;
  outbox_written_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  upload_state: 'queued' | 'uploaded' | 'failed' | null;
  uploaded_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  upload_remote_name: string | null;
  upload_error: string | null;
  created_by: string | null;
  created_at: Created;
}

export interface ClaimsTables {
  claim_counters: ClaimCountersTable;
  claims: ClaimsTable;
  claim_lines: ClaimLinesTable;
  claim_events: ClaimEventsTable;
  claim_overrides: ClaimOverridesTable;
  claim_batches: ClaimBatchesTable;
}
