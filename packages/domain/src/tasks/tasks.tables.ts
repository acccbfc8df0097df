import type { ColumnType, Generated } from 'kysely';

type Created = ColumnType<Date, Date | string | undefined, never>;
type Updated = ColumnType<Date, Date | string | undefined, Date | string>;
type OptionalInstant = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export const TASK_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type TaskPriority = (typeof TASK_PRIORITIES)[number];
export const TASK_STATUSES = ['open', 'in_progress', 'done'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];
/** Where a task came from: written by hand, or made from a call, a staff message, a letter (with its id). */
export const TASK_SOURCES = ['manual', 'call', 'message', 'letter'] as const;
export type TaskSource = (typeof TASK_SOURCES)[number];
/** What kind of work a task is: each kind may carry the practice's service level (hours to done). */
export const TASK_KINDS = ['general', 'callback', 'refill_request', 'results', 'paperwork', 'billing', 'referral', 'equipment'] as const;
export type TaskKind = (typeof TASK_KINDS)[number];
export const PROJECT_STATUSES = ['active', 'done', 'archived'] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

export interface TasksTable {
  id: Generated<string>;
  organization_id: string;
  location_id: string;
  title: string;
  note: Generated<string>;
  assignee_id: string | null;
  due_on: string | null;
  priority: Generated<TaskPriority>;
  status: Generated<TaskStatus>;
  patient_id: string | null;
  source: Generated<TaskSource>;
  source_id: string | null;
  kind: Generated<TaskKind>;
  project_id: string | null;
  sla_due_at: OptionalInstant;
  completed_at: OptionalInstant;
  completed_by: string | null;
  created_by: string | null;
  version: Generated<number>;
  created_at: Created;
  updated_at: Updated;
}

export interface ProjectsTable {
  id: Generated<string>;
  organization_id: string;
  location_id: string;
  name: string;
  description: Generated<string>;
  owner_id: string | null;
  due_on: string | null;
  status: Generated<ProjectStatus>;
  created_by: string | null;
  version: Generated<number>;
  created_at: Created;
  updated_at: Updated;
}

export interface TaskSlasTable {
  organization_id: string;
  kind: TaskKind;
  hours: number;
  updated_by: string | null;
  updated_at: Updated;
}

export interface TasksTables {
  tasks: TasksTable;
  projects: ProjectsTable;
  task_slas: TaskSlasTable;
}
