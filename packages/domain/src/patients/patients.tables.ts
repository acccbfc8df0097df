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
  // 0030_patients_registry.sql
  preferred_contact_method: 'phone' | 'sms' | 'email' | 'mail' | 'portal' | null;
  consent_email_reminders: Generated<boolean>;
  consent_sms_reminders: Generated<boolean>;
  emergency_contacts: ColumnType<EmergencyContactRow[], string | undefined, string>;
  guarantor_kind: Generated<'self' | 'patient' | 'person'>;
  guarantor_patient_id: string | null;
  guarantor_person: ColumnType<GuarantorPersonRow | null, string | null, string | null>;
  alerts: ColumnType<string[], string | undefined, string>;
  merged_into_id: string | null;
  merged_at: ColumnType<Date | null, Date | string | null, Date | string | null>;
  external_id: string | null;
  registration_hash: string | null;
  phone_digits: ColumnType<string[], never, never>;
  name_keys: ColumnType<string[], never, never>;
}

export interface EmergencyContactRow {
  name: string;
  relationship: string | null;
  phone: string;
}

export interface GuarantorPersonRow {
  givenName: string;
  familyName: string;
  birthDate: string | null;
  relationship: string | null;
  phone: string | null;
  address: AddressRow | null;
}

export interface PatientCareTeamTable {
  organization_id: string;
  patient_id: string;
  user_id: string;
}

/** The words of every patient's names, per organization, filled by trigger (0033). */
export interface PatientNameWordsTable {
  organization_id: string;
  word: string;
  sound: string;
  /** How many patients carry the word (migration 0101), to rank equally near typo candidates. */
  patients: Generated<number>;
}

export interface PatientsTables {
  patients: PatientsTable;
  patient_care_team: PatientCareTeamTable;
  patient_name_words: PatientNameWordsTable;
  /** Views of the two tables above that apply the tenant check as a plain condition (migration 0089): for search only. */
  patients_scoped: PatientsTable;
  patient_name_words_scoped: PatientNameWordsTable;
}
