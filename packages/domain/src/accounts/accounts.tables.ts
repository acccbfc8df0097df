import type { ColumnType, Generated } from 'kysely';

type Created = ColumnType<Date, Date | string | undefined, never>;
/** bigint cents: read as numbers (pool.ts parses int8). */
type Cents = ColumnType<number, number | bigint, number | bigint>;

export const PAYMENT_METHODS = ['cash', 'check', 'card'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];
export type CardSource = 'terminal' | 'gateway';

/** Patient payments (migration 0185): unique Idempotency-Key per organization, refunds never above the amount. */
export interface PaymentsTable {
  id: Generated<string>;
  organization_id: string;
  patient_id: string;
  location_id: string;
  amount_cents: Cents;
  method: PaymentMethod;
  reference: string | null;
  card_last4: string | null;
  /** The processor's card brand (migration 0225), when ClinicDesk charged the card through the gateway. */
  card_brand: ColumnType<string | null, string | null | undefined, string | null>;
  /** Card payments since 0225: 'gateway' (charged here) or 'terminal' (keyed in from a standalone terminal). */
  card_source: ColumnType<CardSource | null, CardSource | null | undefined, CardSource | null>;
  posting_date: string;
  note: Generated<string>;
  idempotency_key: string | null;
  request_hash: string | null;
  refunded_cents: ColumnType<number, number | bigint | undefined, number | bigint>;
  posted_by: string | null;
  created_at: Created;
  version: Generated<number>;
  /** A void (migration 0205): when, why, the day its reversal posts, by whom. */
  voided_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  void_reason: ColumnType<string | null, string | null | undefined, string | null>;
  void_date: ColumnType<string | null, string | null | undefined, string | null>;
  voided_by: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface PaymentAllocationsTable {
  organization_id: string;
  payment_id: string;
  charge_id: string;
  encounter_id: string;
  amount_cents: Cents;
}

export interface RefundsTable {
  id: Generated<string>;
  organization_id: string;
  payment_id: string;
  patient_id: string;
  amount_cents: Cents;
  reason: string;
  posting_date: string;
  issued_by: string | null;
  created_at: Created;
}

export interface AccountsTables {
  payments: PaymentsTable;
  payment_allocations: PaymentAllocationsTable;
  refunds: RefundsTable;
}
