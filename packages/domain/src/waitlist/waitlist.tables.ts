import type { ColumnType, Generated } from 'kysely';

type Created = ColumnType<Date, Date | string | undefined, never>;
type Updated = ColumnType<Date, Date | string | undefined, Date | string>;
type Instant = ColumnType<Date, Date | string, Date | string>;
type OptionalInstant = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type UuidArray = ColumnType<string[], string[] | undefined, string[]>;

export type WaitlistStatus = 'waiting' | 'booked' | 'removed';
export type OfferStatus = 'open' | 'accepted' | 'expired' | 'withdrawn';

export interface WaitlistEntriesTable {
  id: Generated<string>;
  organization_id: string;
  patient_id: string;
  appointment_type_id: string;
  provider_ids: UuidArray;
  location_ids: UuidArray;
  earliest_date: string;
  latest_date: string;
  priority: Generated<number>;
  status: Generated<WaitlistStatus>;
  notes: Generated<string>;
  appointment_id: string | null;
  created_by: string | null;
  version: Generated<number>;
  created_at: Created;
  updated_at: Updated;
}

export interface WaitlistOffersTable {
  id: Generated<string>;
  organization_id: string;
  entry_id: string;
  patient_id: string;
  provider_id: string;
  location_id: string;
  appointment_type_id: string;
  starts_at: Instant;
  blocked_until: Instant;
  source_appointment_id: string;
  status: Generated<OfferStatus>;
  expires_at: Instant;
  appointment_id: string | null;
  created_at: Created;
  closed_at: OptionalInstant;
}

export interface WaitlistTables {
  waitlist_entries: WaitlistEntriesTable;
  waitlist_offers: WaitlistOffersTable;
}
