/**
 * The organizations module's read surface for other modules (migration 0090, listed in its
 * manifest's `views`): narrow views any module may join; only organizations writes the tables.
 * Columns are read-only to Kysely (`never` on insert and update).
 */
import type { ColumnType } from 'kysely';

type Read<T> = ColumnType<T, never, never>;

export interface OrganizationDirectoryView {
  id: Read<string>;
  name: Read<string>;
}

/** The schedule part of organizations.settings, parsed with its defaults (as parseOrganizationSettings). */
export interface OrganizationScheduleSettingsView {
  organization_id: Read<string>;
  ical_show_patient_names: Read<boolean>;
  no_show_after_minutes: Read<number>;
}

export interface LocationDirectoryView {
  id: Read<string>;
  organization_id: Read<string>;
  name: Read<string>;
  time_zone: Read<string>;
  active: Read<boolean>;
  /** Two-letter state, for licences (null: not recorded). */
  state: Read<string | null>;
}

export interface ProviderDirectoryView {
  id: Read<string>;
  organization_id: Read<string>;
  given_name: Read<string>;
  family_name: Read<string>;
  credentials: Read<string>;
  active: Read<boolean>;
}

export interface RoomDirectoryView {
  id: Read<string>;
  organization_id: Read<string>;
  location_id: Read<string>;
  name: Read<string>;
  kind: Read<string>;
  active: Read<boolean>;
}

/** Whether the practice requires MFA (migration 0096): read with every session (identity/sessions.ts). */
export interface OrganizationSecurityView {
  organization_id: Read<string>;
  require_mfa: Read<boolean>;
}

export interface OrganizationsViews {
  organization_directory: OrganizationDirectoryView;
  organization_schedule_settings: OrganizationScheduleSettingsView;
  location_directory: LocationDirectoryView;
  provider_directory: ProviderDirectoryView;
  room_directory: RoomDirectoryView;
  organization_security: OrganizationSecurityView;
}
