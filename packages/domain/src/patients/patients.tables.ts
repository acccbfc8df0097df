import type { ColumnType, Generated } from 'kysely';

type Created = ColumnType<Date, Date | string | undefined, never>;
type Updated = ColumnType<Date, Date | string | undefined, Date | string>;

export interface PhoneRow {
  type: string;
  number: string;
}

export interface AddressRow {
  line1: string;
  line2?: string | null;
  city: string;
  state: string;
  postalCode: string;
}

export interface PatientsTable {
  id: Generated<string>;
  organization_id: string;
  mrn: string;
  given_name: string;
  middle_name: string | null;
  family_name: string;
  suffix: string | null;
  preferred_name: string | null;
  birth_date: string;
  sex: Generated<'female' | 'male' | 'unknown'>;
  gender_identity: string | null;
  pronouns: string | null;
  preferred_language: string | null;
  interpreter_needed: Generated<boolean>;
  phones: ColumnType<PhoneRow[], string | undefined, string>;
  email: string | null;
  address: ColumnType<AddressRow | null, string | null, string | null>;
  status: Generated<'active' | 'inactive' | 'deceased' | 'merged'>;
  deceased_date: string | null;
  restricted: Generated<boolean>;
  primary_provider_id: string | null;
  preferred_location_id: string | null;
  version: Generated<number>;
  created_at: Created;
  updated_at: Updated;
}

export interface PatientCareTeamTable {
  organization_id: string;
  patient_id: string;
  user_id: string;
}

export interface PatientsTables {
  patients: PatientsTable;
  patient_care_team: PatientCareTeamTable;
}
