import type { ColumnType, Generated } from 'kysely';

type Created = ColumnType<Date, Date | string | undefined, never>;
type Stamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** bigint cents: read as numbers (pool.ts parses int8). */
type Cents = ColumnType<number, number | bigint, number | bigint>;
type CentsDefault = ColumnType<number, number | bigint | undefined, number | bigint>;

export const CONTACT_TYPES = ['called', 'voicemail', 'spoke', 'emailed', 'letter'] as const;
export type ContactType = (typeof CONTACT_TYPES)[number];
export const AGENCY_STATUSES = ['none', 'sent', 'returned'] as const;
export type AgencyStatus = (typeof AGENCY_STATUSES)[number];
export const PLAN_FREQUENCIES = ['monthly', 'biweekly', 'weekly'] as const;
export type PlanFrequency = (typeof PLAN_FREQUENCIES)[number];
export const PLAN_STATUSES = ['active', 'completed', 'broken', 'cancelled'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];
export const STATEMENT_LEVELS = ['first', 'second', 'final'] as const;

/** The worklist's state per guarantor (migration 0215); balances are read from the ledger, never stored. */
export interface CollectionAccountsTable {
  organization_id: string;
  guarantor_key: string;
  last_statement_id: string | null;
  last_statement_on: string | null;
  last_statement_level: (typeof STATEMENT_LEVELS)[number] | null;
  last_contact_at: Date | null;
  last_contact_type: ContactType | null;
  follow_up_on: string | null;
  promise_on: string | null;
  promise_cents: number | null;
  promise_made_on: string | null;
  promise_paid_cents: CentsDefault;
  agency_status: Generated<AgencyStatus>;
  agency_sent_on: string | null;
  agency_returned_on: string | null;
  /** Why the agency sent the account back (migration 0230). */
  agency_return_reason: ColumnType<string | null, string | null | undefined, string | null>;
  missed_installment: Generated<boolean>;
  updated_at: Stamp;
}

/** The contact log (append-only). */
export interface CollectionContactsTable {
  id: Generated<string>;
  organization_id: string;
  guarantor_key: string;
  type: ContactType;
  note: Generated<string>;
  promise_on: string | null;
  promise_cents: number | null;
  follow_up_on: string | null;
  created_by: string | null;
  created_at: Created;
}

export interface PaymentPlansTable {
  id: Generated<string>;
  organization_id: string;
  patient_id: string;
  guarantor_key: string;
  total_cents: Cents;
  installment_cents: Cents;
  frequency: PlanFrequency;
  first_due_on: string;
  status: Generated<PlanStatus>;
  paid_cents: CentsDefault;
  cancel_reason: string | null;
  note: Generated<string>;
  created_by: string | null;
  created_at: Created;
  updated_at: Stamp;
}

export interface PaymentPlanInstallmentsTable {
  organization_id: string;
  plan_id: string;
  seq: number;
  due_on: string;
  amount_cents: Cents;
  paid_cents: CentsDefault;
  missed_at: Date | null;
}

/** What a payment applied to a plan, and what refunds and voids took back of it (migration 0230). */
export interface PaymentPlanPaymentsTable {
  organization_id: string;
  plan_id: string;
  payment_id: string;
  payment_cents: Cents;
  applied_cents: Cents;
  returned_cents: CentsDefault;
  refunded_cents: CentsDefault;
  created_at: Created;
  updated_at: Stamp;
}

export interface CollectionWriteOffBatchesTable {
  id: Generated<string>;
  organization_id: string;
  max_balance_cents: Cents;
  reason: string;
  patient_count: number;
  total_cents: Cents;
  posting_date: string;
  created_by: string | null;
  created_at: Created;
}

export interface CollectionWriteOffsTable {
  id: Generated<string>;
  organization_id: string;
  batch_id: string;
  patient_id: string;
  amount_cents: Cents;
}

export interface CollectionsTables {
  collection_accounts: CollectionAccountsTable;
  collection_contacts: CollectionContactsTable;
  payment_plans: PaymentPlansTable;
  payment_plan_installments: PaymentPlanInstallmentsTable;
  payment_plan_payments: PaymentPlanPaymentsTable;
  collection_write_off_batches: CollectionWriteOffBatchesTable;
  collection_write_offs: CollectionWriteOffsTable;
}
