import type { ColumnType, Generated } from 'kysely';

type Created = ColumnType<Date, Date | string | undefined, never>;
/** bigint cents: read as numbers (pool.ts parses int8). */
type Cents = ColumnType<number, number | bigint, never>;
type Json<T> = ColumnType<T, string, never>;

export type DepositMethod = 'cash' | 'check' | 'card';
export interface MethodTotal {
  method: DepositMethod;
  count: number;
  cents: number;
}
export interface UserTotal {
  userId: string | null;
  name: string;
  count: number;
  cents: number;
}

/** Closed days (migration 0205): one per location and day, append-only; variance = counted − expected. */
export interface DailyClosesTable {
  id: Generated<string>;
  organization_id: string;
  location_id: string;
  close_date: string;
  expected_cash_cents: Cents;
  counted_cash_cents: Cents;
  variance_cents: Cents;
  payment_count: number;
  total_cents: Cents;
  by_method: Json<MethodTotal[]>;
  by_user: Json<UserTotal[]>;
  note: Generated<string>;
  closed_by: string | null;
  closed_at: Created;
}

/** Deposit batches (append-only). */
export interface DepositsTable {
  id: Generated<string>;
  organization_id: string;
  location_id: string;
  deposit_date: string;
  cash_cents: Cents;
  check_cents: Cents;
  card_cents: Cents;
  total_cents: Cents;
  payment_count: number;
  bank_reference: string | null;
  deposited_by: string | null;
  created_at: Created;
}

/** The payments of a deposit: a payment is in at most one (unique). */
export interface DepositItemsTable {
  organization_id: string;
  deposit_id: string;
  payment_id: string;
  method: DepositMethod;
  amount_cents: Cents;
}

export interface DepositsTables {
  daily_closes: DailyClosesTable;
  deposits: DepositsTable;
  deposit_items: DepositItemsTable;
}
