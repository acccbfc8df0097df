import type { ColumnType, Generated } from 'kysely';

type Created = ColumnType<Date, Date | string | undefined, never>;
type Updated = ColumnType<Date, Date | string | undefined, Date | string>;
/** bigint cents: read as numbers (pool.ts parses int8). */
type Cents = ColumnType<number, number | bigint, number | bigint>;

/** The ledger's expense accounts by key (ledger/accounts.ts): what a bill is for. */
export const EXPENSE_CATEGORIES = ['supplies', 'rent', 'utilities', 'payroll', 'services', 'other_expense'] as const;
export type ExpenseCategory = (typeof EXPENSE_CATEGORIES)[number];

export const BILL_STATUSES = ['open', 'partially_paid', 'paid', 'void'] as const;
export type BillStatus = (typeof BILL_STATUSES)[number];

export const BILL_PAYMENT_METHODS = ['check', 'transfer', 'card'] as const;
export type BillPaymentMethod = (typeof BILL_PAYMENT_METHODS)[number];

/** Vendors (migration 0210): one of a name per practice. */
export interface VendorsTable {
  id: Generated<string>;
  organization_id: string;
  name: string;
  contact_name: string | null;
  address: ColumnType<unknown, string | null, string | null> | null;
  phone: string | null;
  email: string | null;
  default_category: ColumnType<ExpenseCategory, ExpenseCategory | undefined, ExpenseCategory>;
  tax_id: string | null;
  active: Generated<boolean>;
  version: Generated<number>;
  created_at: Created;
  updated_at: Updated;
}

/** Bills: paid_cents never above amount_cents, the status agreeing with it (checks). */
export interface BillsTable {
  id: Generated<string>;
  organization_id: string;
  vendor_id: string;
  invoice_number: string;
  invoice_date: string;
  due_date: string;
  amount_cents: Cents;
  paid_cents: ColumnType<number, number | bigint | undefined, number | bigint>;
  category: ExpenseCategory;
  memo: Generated<string>;
  invoice_document_id: string | null;
  status: ColumnType<BillStatus, BillStatus | undefined, BillStatus>;
  void_reason: string | null;
  voided_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  entered_by: string | null;
  version: Generated<number>;
  created_at: Created;
  updated_at: Updated;
}

export interface BillInvoicesTable {
  id: Generated<string>;
  organization_id: string;
  bill_id: string;
  file_name: string;
  content_type: 'application/pdf' | 'image/jpeg' | 'image/png' | 'image/tiff';
  size_bytes: number;
  sha256: string;
  storage_key: string;
  uploaded_by: string | null;
  created_at: Created;
}

export interface BillPaymentsTable {
  id: Generated<string>;
  organization_id: string;
  bill_id: string;
  amount_cents: Cents;
  paid_on: string;
  method: BillPaymentMethod;
  reference: string | null;
  paid_by: string | null;
  created_at: Created;
}

export interface PayablesTables {
  vendors: VendorsTable;
  bills: BillsTable;
  bill_invoices: BillInvoicesTable;
  bill_payments: BillPaymentsTable;
}
