import type { ColumnType } from 'kysely';

type Created = ColumnType<Date, Date | string | undefined, never>;
type Updated = ColumnType<Date, Date | string | undefined, Date | string>;

/** A member of staff's profile beyond the account (migration 0260); keyed by the user. */
export interface StaffProfilesTable {
  organization_id: string;
  user_id: string;
  job_title: ColumnType<string, string | undefined, string>;
  location_id: string | null;
  hire_date: string | null;
  supervisor_id: string | null;
  emergency_contact_name: ColumnType<string, string | undefined, string>;
  emergency_contact_relation: ColumnType<string, string | undefined, string>;
  emergency_contact_phone: ColumnType<string, string | undefined, string>;
  version: ColumnType<number, number | undefined, number>;
  created_at: Created;
  updated_at: Updated;
}

export interface StaffTables {
  staff_profiles: StaffProfilesTable;
}
