/**
 * The patients module's read surface for other modules (migration 0091, listed in its
 * manifest's `views`): narrow views any module may join; only patients writes the tables.
 * Columns are read-only to Kysely (`never` on insert and update).
 */
import type { ColumnType } from 'kysely';

type Read<T> = ColumnType<T, never, never>;

/** Names as lists show them, and what an access decision on the row needs (access's mayOpenPatientSql). */
export interface PatientNamesView {
  id: Read<string>;
  organization_id: Read<string>;
  given_name: Read<string>;
  family_name: Read<string>;
  restricted: Read<boolean>;
  primary_provider_id: Read<string | null>;
}

/** Active patients who agreed to email reminders and have an address (ids only). */
export interface PatientsReachableByEmailView {
  id: Read<string>;
  organization_id: Read<string>;
}

/** Active patients who agreed to texts and have a mobile number (ids only; migration 0257). */
export interface PatientsReachableByTextView {
  id: Read<string>;
  organization_id: Read<string>;
}

/** What an access decision needs of a record (migration 0097): restricted, and the primary provider whose users are on its care team. */
export interface PatientAccessFactsView {
  id: Read<string>;
  organization_id: Read<string>;
  restricted: Read<boolean>;
  primary_provider_id: Read<string | null>;
}

/** The listed members of each patient's care team (migration 0097). */
export interface PatientCareTeamMembersView {
  organization_id: Read<string>;
  patient_id: Read<string>;
  user_id: Read<string>;
}

export interface PatientsViews {
  patient_names: PatientNamesView;
  patients_reachable_by_email: PatientsReachableByEmailView;
  patients_reachable_by_text: PatientsReachableByTextView;
  patient_access_facts: PatientAccessFactsView;
  patient_care_team_members: PatientCareTeamMembersView;
}
