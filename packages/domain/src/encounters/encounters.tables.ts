import type { ColumnType, Generated } from 'kysely';

type Created = ColumnType<Date, Date | string | undefined, never>;
type Updated = ColumnType<Date, Date | string | undefined, Date | string>;
type OptionalInstant = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
/** numeric columns read as strings (node-postgres keeps their precision); written as numbers. */
type Numeric = ColumnType<string | null, number | null | undefined, number | null>;

export type EncounterStatus = 'open' | 'signed';
export type NoteFormat = 'plain' | 'markdown';

export interface EncountersTable {
  id: Generated<string>;
  organization_id: string;
  patient_id: string;
  provider_id: string;
  location_id: string;
  appointment_id: string | null;
  /** YYYY-MM-DD on the location's clock. */
  date_of_service: string;
  status: Generated<EncounterStatus>;
  note_format: Generated<NoteFormat>;
  subjective: Generated<string>;
  objective: Generated<string>;
  assessment: Generated<string>;
  plan: Generated<string>;
  systolic: number | null;
  diastolic: number | null;
  heart_rate: number | null;
  respiratory_rate: number | null;
  spo2: number | null;
  temperature_value: Numeric;
  temperature_unit: 'F' | 'C' | null;
  weight_value: Numeric;
  weight_unit: 'lb' | 'kg' | null;
  height_value: Numeric;
  height_unit: 'in' | 'cm' | null;
  follow_up_in_days: number | null;
  follow_up_appointment_type_id: string | null;
  follow_up_note: string | null;
  version: Generated<number>;
  created_by: string | null;
  created_at: Created;
  updated_at: Updated;
  signed_at: OptionalInstant;
  signed_by: string | null;
  cosign_required: Generated<boolean>;
  /** The supervisor named at signing, who must co-sign. */
  cosign_provider_id: string | null;
  cosigned_at: OptionalInstant;
  cosigned_by: string | null;
}

export interface EncounterDiagnosesTable {
  organization_id: string;
  encounter_id: string;
  /** 1-based order; 1 is the primary diagnosis. */
  position: number;
  code: string;
}

export interface EncounterProceduresTable {
  organization_id: string;
  encounter_id: string;
  line: number;
  code: string;
  modifiers: ColumnType<string[], string[] | undefined, string[]>;
  units: Generated<number>;
  diagnosis_pointers: ColumnType<number[], number[] | undefined, number[]>;
}

/** Append-only (migration 0136): INSERT and SELECT only. */
export interface EncounterAddendaTable {
  id: Generated<string>;
  organization_id: string;
  encounter_id: string;
  text: string;
  author_id: string;
  signed_at: Created;
}

export interface NoteTemplatesTable {
  id: Generated<string>;
  organization_id: string;
  appointment_type_id: string | null;
  name: string;
  subjective: Generated<string>;
  objective: Generated<string>;
  assessment: Generated<string>;
  plan: Generated<string>;
  active: Generated<boolean>;
  version: Generated<number>;
  created_at: Created;
  updated_at: Updated;
}

export interface QuickTextsTable {
  id: Generated<string>;
  organization_id: string;
  abbreviation: string;
  text: string;
  active: Generated<boolean>;
  version: Generated<number>;
  created_at: Created;
  updated_at: Updated;
}

export interface EncountersTables {
  encounters: EncountersTable;
  encounter_diagnoses: EncounterDiagnosesTable;
  encounter_procedures: EncounterProceduresTable;
  encounter_addenda: EncounterAddendaTable;
  note_templates: NoteTemplatesTable;
  quick_texts: QuickTextsTable;
}
