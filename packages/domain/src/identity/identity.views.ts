/**
 * The identity module's read surface for other modules (migration 0095, listed in its
 * manifest's `views`): narrow views any module may join; only identity writes the tables.
 * Columns are read-only to Kysely (`never` on insert and update).
 */
import type { ColumnType } from 'kysely';

type Read<T> = ColumnType<T, never, never>;

/** Staff names for joins: who changed a record, who is on a care team, who holds a grant. No credentials. */
export interface StaffDirectoryView {
  id: Read<string>;
  organization_id: Read<string>;
  email: Read<string>;
  display_name: Read<string>;
  /** The provider this account is linked to (its user is on that provider's patients' care teams). */
  provider_id: Read<string | null>;
  active: Read<boolean>;
}

/** Who holds which role where (active accounts only): a location of null means every location. */
export interface StaffRolesView {
  user_id: Read<string>;
  organization_id: Read<string>;
  role: Read<string>;
  location_id: Read<string | null>;
}

export interface IdentityViews {
  staff_directory: StaffDirectoryView;
  staff_roles: StaffRolesView;
}
