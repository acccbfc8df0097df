import type { ColumnType, Generated } from 'kysely';

type Created = ColumnType<Date, Date | string | undefined, never>;
type Updated = ColumnType<Date, Date | string | undefined, Date | string>;

export const TRAINING_KINDS = ['training', 'policy'] as const;
export type TrainingKind = (typeof TRAINING_KINDS)[number];
export const TRAINING_CATEGORIES = ['hipaa', 'osha', 'procedure', 'policy', 'other'] as const;
export type TrainingCategory = (typeof TRAINING_CATEGORIES)[number];
export const ASSIGNMENT_SOURCES = ['manual', 'onboarding', 'recurrence'] as const;
export type AssignmentSource = (typeof ASSIGNMENT_SOURCES)[number];

export interface TrainingItemsTable {
  id: Generated<string>;
  organization_id: string;
  title: string;
  kind: TrainingKind;
  category: TrainingCategory;
  description: Generated<string>;
  due_within_days: Generated<number>;
  recurrence_months: number | null;
  onboarding: Generated<boolean>;
  active: Generated<boolean>;
  version: Generated<number>;
  created_at: Created;
  updated_at: Updated;
}

export interface TrainingAssignmentsTable {
  id: Generated<string>;
  organization_id: string;
  item_id: string;
  user_id: string;
  due_on: string;
  assigned_by: string | null;
  source: Generated<AssignmentSource>;
  completed_on: string | null;
  evidence: string | null;
  completed_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  version: Generated<number>;
  created_at: Created;
  updated_at: Updated;
}

export interface TrainingTables {
  training_items: TrainingItemsTable;
  training_assignments: TrainingAssignmentsTable;
}
