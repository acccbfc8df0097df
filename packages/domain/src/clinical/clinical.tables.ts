/** Kysely types of the clinical lists (migration 0140). */
import type { ColumnType, Generated } from 'kysely';

type Created = ColumnType<Date, Date | string | undefined, never>;
type Updated = ColumnType<Date, Date | string | undefined, Date | string>;

export type ProblemStatus = 'active' | 'resolved';
export type AllergySeverity = 'mild' | 'moderate' | 'severe' | 'life_threatening' | 'unknown';
export type AllergyStatus = 'active' | 'inactive';
export type MedicationRoute = 'oral' | 'topical' | 'inhaled' | 'subcutaneous' | 'intramuscular' | 'intravenous' | 'other';
export type MedicationStatus = 'active' | 'stopped';

export interface ProblemsTable {
  id: Generated<string>;
  organization_id: string;
  patient_id: string;
  code: string;
  billable: boolean;
  description: string;
  onset_date: string | null;
  status: Generated<ProblemStatus>;
  resolved_date: string | null;
  note: Generated<string>;
  created_by: string | null;
  version: Generated<number>;
  created_at: Created;
  updated_at: Updated;
}

export interface AllergiesTable {
  id: Generated<string>;
  organization_id: string;
  patient_id: string;
  substance: string;
  reaction: Generated<string>;
  severity: Generated<AllergySeverity>;
  status: Generated<AllergyStatus>;
  onset_date: string | null;
  note: Generated<string>;
  created_by: string | null;
  version: Generated<number>;
  created_at: Created;
  updated_at: Updated;
}

export interface AllergyStatementsTable {
  id: Generated<string>;
  seq: ColumnType<number, never, never>;
  organization_id: string;
  patient_id: string;
  status: 'nka' | 'has_allergies';
  recorded_at: ColumnType<Date, Date | string | undefined, never>;
  recorded_by: string | null;
}

export interface MedicationsTable {
  id: Generated<string>;
  organization_id: string;
  patient_id: string;
  name: string;
  dose: Generated<string>;
  route: Generated<MedicationRoute>;
  frequency: Generated<string>;
  start_date: string | null;
  stop_date: string | null;
  prescriber_provider_id: string | null;
  prescriber_name: string | null;
  status: Generated<MedicationStatus>;
  note: Generated<string>;
  created_by: string | null;
  version: Generated<number>;
  created_at: Created;
  updated_at: Updated;
}

export interface PrescriptionsTable {
  id: Generated<string>;
  organization_id: string;
  patient_id: string;
  medication_id: string;
  drug_name: string;
  strength: Generated<string>;
  form: Generated<string>;
  sig: string;
  /** numeric(9,2): node-postgres answers a string. */
  quantity: ColumnType<string, number | string, never>;
  quantity_unit: string;
  refills: Generated<number>;
  dispense_as_written: Generated<boolean>;
  prescriber_provider_id: string;
  dea_number: string | null;
  written_date: string;
  note: Generated<string>;
  created_by: string | null;
  created_at: Created;
}

export interface ClinicalTables {
  problems: ProblemsTable;
  allergies: AllergiesTable;
  allergy_statements: AllergyStatementsTable;
  medications: MedicationsTable;
  prescriptions: PrescriptionsTable;
}
