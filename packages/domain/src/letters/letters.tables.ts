import type { ColumnType, Generated } from 'kysely';

type Created = ColumnType<Date, Date | string | undefined, never>;
type Updated = ColumnType<Date, Date | string | undefined, Date | string>;

export const TEMPLATE_KINDS = ['single', 'batch'] as const;
export type TemplateKind = (typeof TEMPLATE_KINDS)[number];
export const BATCH_AUDIENCES = ['patients', 'overdue_recalls', 'balances_over'] as const;
export type BatchAudience = (typeof BATCH_AUDIENCES)[number];

export interface LetterTemplatesTable {
  id: Generated<string>;
  organization_id: string;
  name: string;
  kind: Generated<TemplateKind>;
  body: string;
  active: Generated<boolean>;
  created_by: string | null;
  version: Generated<number>;
  created_at: Created;
  updated_at: Updated;
}

/** Append-only (migration 0245). */
export interface LetterBatchesTable {
  id: Generated<string>;
  organization_id: string;
  template_id: string;
  audience: BatchAudience;
  min_balance_cents: number | null;
  letter_count: number;
  location_id: string;
  created_by: string | null;
  created_at: Created;
}

/** Append-only (migration 0245): the mail log. */
export interface LettersTable {
  id: Generated<string>;
  organization_id: string;
  template_id: string;
  batch_id: string | null;
  patient_id: string;
  location_id: string;
  provider_id: string | null;
  appointment_id: string | null;
  recall_id: string | null;
  title: string;
  body: string;
  recipient: string;
  recipient_address: Generated<string>;
  created_by: string | null;
  created_at: Created;
}

export interface LettersTables {
  letter_templates: LetterTemplatesTable;
  letter_batches: LetterBatchesTable;
  letters: LettersTable;
}
