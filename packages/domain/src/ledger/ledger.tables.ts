import type { ColumnType, Generated } from 'kysely';

type Created = ColumnType<Date, Date | string | undefined, never>;
/** bigint cents: read as numbers (pool.ts parses int8). */
type Cents = ColumnType<number, number | bigint | undefined, never>;

export const ACCOUNT_KINDS = ['asset', 'liability', 'equity', 'revenue', 'contra_revenue', 'expense'] as const;
export type AccountKind = (typeof ACCOUNT_KINDS)[number];

export const ENTRY_KINDS = [
  'charge',
  'charge_void',
  'claim_billed',
  'insurance_payment',
  'provider_adjustment',
  'write_off',
  'patient_payment',
  'refund',
  'vendor_bill',
  'bill_payment',
  'deposit',
  'transfer',
  'reversal',
] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];

/** The chart of accounts (migration 0180). */
export interface LedgerAccountsTable {
  organization_id: string;
  code: string;
  name: string;
  kind: AccountKind;
  system_key: string | null;
  active: Generated<boolean>;
  created_at: Created;
}

/** Posted entries: never updated or deleted (triggers), balanced at commit (a deferred constraint trigger). */
export interface JournalEntriesTable {
  id: Generated<string>;
  organization_id: string;
  posting_date: string;
  kind: EntryKind;
  source_type: string;
  source_id: string;
  memo: string;
  location_id: string | null;
  reverses_entry_id: string | null;
  posted_by: string | null;
  posted_at: Created;
}

export interface JournalLinesTable {
  organization_id: string;
  entry_id: string;
  line_number: number;
  account_code: string;
  debit_cents: Cents;
  credit_cents: Cents;
  patient_id: string | null;
  encounter_id: string | null;
  charge_id: string | null;
  claim_id: string | null;
  payer_id: string | null;
  /** Why an adjustment was posted: `CO-45`, `PR-1`, `PLB-WO`, `claim_write_off`, `small_balance_write_off`, `refund` (migration 0230). */
  reason: ColumnType<string | null, string | null | undefined, never>;
}

export interface LedgerTables {
  ledger_accounts: LedgerAccountsTable;
  journal_entries: JournalEntriesTable;
  journal_lines: JournalLinesTable;
}
