import type { ColumnType, Generated } from 'kysely';

type Created = ColumnType<Date, Date | string | undefined, never>;
type Updated = ColumnType<Date, Date | string | undefined, Date | string>;

/** Reference data (global, loaded by packages/db/src/reference-data.ts; the app only reads it). */
export interface ReferenceDataSetsTable {
  name: string;
  sha256: string;
  row_count: number;
  loaded_at: Created;
}

export interface Icd10cmCodesTable {
  /** With its dot: E11.9. */
  code: string;
  /** Without the dot: E119. */
  code_key: string;
  code_length: number;
  billable: boolean;
  description: string;
  search_keys: string[];
  /** Search order (billable first, shorter first, then by code); also the physical order. */
  search_rank: number;
}

export interface HcpcsCodesTable {
  code: string;
  kind: 'procedure' | 'modifier';
  short_description: string;
  long_description: string;
  terminated_on: string | null;
  search_keys: string[];
}

export interface ReferenceWordsTable {
  code_set: 'icd10cm' | 'hcpcs';
  word: string;
}

export interface ProceduresTable {
  id: Generated<string>;
  organization_id: string;
  code: string;
  description: string;
  default_fee_cents: number;
  takes_units: Generated<boolean>;
  active: Generated<boolean>;
  version: Generated<number>;
  created_at: Created;
  updated_at: Updated;
}

export interface CodesTables {
  reference_data_sets: ReferenceDataSetsTable;
  icd10cm_codes: Icd10cmCodesTable;
  hcpcs_codes: HcpcsCodesTable;
  reference_words: ReferenceWordsTable;
  procedures: ProceduresTable;
}
