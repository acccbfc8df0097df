import type { RemittanceClaim835 } from '@x12/index.ts';
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
  last_scrub: ColumnType<ScrubResult | null, string | null | undefined, string | null>;
  batch_id: string | null;
  /** Migration 0168: the claim a replacement (7) or void (8) corrects, and the payer's number of it (REF*F8). */
  replaces_claim_id: ColumnType<string | null, string | null | undefined, never>;
  payer_claim_control_number: ColumnType<string | null, string | null | undefined, never>;
  version: Generated<number>;
  created_by: string | null;
  created_at: Created;
  updated_at: Updated;
}

/**
 * What a claim bills, frozen when it is made (migration 0250): its own table so that the claim's
 * row, which changes at every step of its life, stays small. Every claim has one (a deferred
 * trigger checks it at commit).
 */
export interface ClaimSnapshotsTable {
  organization_id: string;
  claim_id: string;
  snapshot: ColumnType<ClaimSnapshot, string, string>;
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

/** Append-only (migration 0168): INSERT and SELECT only. */
export interface ClaimWriteOffsTable {
  id: Generated<string>;
  organization_id: string;
  claim_id: string;
  amount_cents: Money;
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
  /** ST02 of its transaction set (migration 0165; null for batches built before it). */
  transaction_control_number: ColumnType<number | null, number | bigint | null | undefined, never>;
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

type Inserted = ColumnType<Date, Date | string | undefined, never>;

/** Append-only (migration 0165): a 999 or 277CA file as imported. */
export interface ClaimAcknowledgementsTable {
  id: Generated<string>;
  organization_id: string;
  kind: '999' | '277CA';
  x12: string;
  sha256: string;
  claims_accepted: number;
  claims_rejected: number;
  claims_unmatched: number;
  results: ColumnType<AckResult[], string, never>;
  created_by: string | null;
  created_at: Inserted;
}

export interface AckResult {
  claimId?: string;
  patientControlNumber?: string;
  controlNumber?: string;
  outcome: 'accepted' | 'rejected' | 'unmatched' | 'unchanged';
  reason: string;
}

/** An 835 file as imported (migration 0165): its counts are written when the posting ends. */
export interface RemittanceFilesTable {
  id: Generated<string>;
  organization_id: string;
  x12: string;
  sha256: string;
  transactions: number;
  payment_cents: Money;
  claims_posted: number;
  claims_already_posted: number;
  claims_unmatched: number;
  payment_ids: ColumnType<string[], string[] | undefined, string[]>;
  already_posted: ColumnType<{ claimId: string; patientControlNumber: string }[], string | undefined, string>;
  created_by: string | null;
  created_at: Inserted;
}

/** Append-only (migration 0165): one payment (BPR/TRN), once per payer trace number. */
export interface RemittancePaymentsTable {
  id: Generated<string>;
  organization_id: string;
  file_id: string;
  trace_number: string;
  payer_key: string;
  payer_name: string;
  payer_identifier: string | null;
  payment_cents: Money;
  credit_debit: string;
  method: string;
  payment_date: string | null;
  created_at: Inserted;
}

/** Append-only (migration 0165): a PLB adjustment. */
export interface RemittanceProviderAdjustmentsTable {
  organization_id: string;
  payment_id: string;
  seq: number;
  provider_identifier: string;
  fiscal_period_date: string | null;
  reason_code: string;
  reference: string | null;
  amount_cents: Money;
}

/** Append-only (migration 0165): what a payment posted to one claim. */
export interface RemittanceClaimsTable {
  id: Generated<string>;
  organization_id: string;
  payment_id: string;
  file_id: string;
  claim_id: string;
  patient_control_number: string;
  status_code: string;
  charge_cents: Money;
  paid_cents: Money;
  patient_responsibility_cents: Money;
  payer_claim_control_number: string | null;
  remark_codes: ColumnType<string[], string[] | undefined, never>;
  paid_date: string | null;
  posted_by: ColumnType<string | null, string | null | undefined, never>;
  posted_at: Inserted;
}

/** Append-only (migration 0165): a service line a payment posted. */
export interface RemittanceLinesTable {
  organization_id: string;
  remittance_claim_id: string;
  seq: number;
  line_number: number | null;
  procedure_code: string;
  modifiers: string[];
  units: number;
  charge_cents: Money;
  paid_cents: Money;
  remark_codes: string[];
  line_control_number: string | null;
}

/** Append-only (migration 0165): a CAS adjustment (line_seq null: claim level). */
export interface RemittanceAdjustmentsTable {
  organization_id: string;
  remittance_claim_id: string;
  line_seq: number | null;
  seq: number;
  group_code: string;
  reason_code: string;
  amount_cents: Money;
  quantity: ColumnType<string | null, number | string | null, never>;
}

/** The reconciliation queue (migration 0165). */
export interface RemittanceUnmatchedTable {
  id: Generated<string>;
  organization_id: string;
  payment_id: string;
  file_id: string;
  patient_control_number: string;
  status_code: string;
  payer_claim_control_number: string;
  paid_cents: Money;
  charge_cents: Money;
  reason: string;
  remittance: ColumnType<RemittanceClaim835, string, never>;
  status: Generated<'open' | 'matched' | 'dismissed'>;
  claim_id: string | null;
  resolution: string | null;
  resolved_by: string | null;
  resolved_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  created_at: Inserted;
}

/** Reason texts the office imported (migration 0195): shown before the built-in short texts. */
export interface AdjustmentReasonTextsTable {
  organization_id: string;
  code_set: 'CARC' | 'RARC' | 'GROUP';
  code: string;
  description: string;
  imported_by: string | null;
  imported_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface ClaimsTables {
  claim_counters: ClaimCountersTable;
  claims: ClaimsTable;
  claim_snapshots: ClaimSnapshotsTable;
  claim_lines: ClaimLinesTable;
  claim_events: ClaimEventsTable;
  claim_overrides: ClaimOverridesTable;
  claim_batches: ClaimBatchesTable;
  claim_write_offs: ClaimWriteOffsTable;
  claim_acknowledgements: ClaimAcknowledgementsTable;
  remittance_files: RemittanceFilesTable;
  remittance_payments: RemittancePaymentsTable;
  remittance_provider_adjustments: RemittanceProviderAdjustmentsTable;
  remittance_claims: RemittanceClaimsTable;
  remittance_lines: RemittanceLinesTable;
  remittance_adjustments: RemittanceAdjustmentsTable;
  remittance_unmatched: RemittanceUnmatchedTable;
  adjustment_reason_texts: AdjustmentReasonTextsTable;
}
