/**
 * The accounts module's read surface for other modules (migration 0205, its manifest's `views`):
 * the daily close and deposits read the day's money movements here; only accounts writes the tables.
 */
import type { ColumnType } from 'kysely';

type Read<T> = ColumnType<T, never, never>;

/** Every payment, refund and void at a location, signed (a refund or void is negative), on the day it counts for. */
export interface PaymentMovementsView {
  organization_id: Read<string>;
  payment_id: Read<string>;
  location_id: Read<string>;
  movement: Read<'payment' | 'refund' | 'void'>;
  movement_date: Read<string>;
  method: Read<'cash' | 'check' | 'card'>;
  amount_cents: Read<number>;
  user_id: Read<string | null>;
  recorded_at: Read<Date>;
}

export interface AccountsViews {
  payment_movements: PaymentMovementsView;
}
