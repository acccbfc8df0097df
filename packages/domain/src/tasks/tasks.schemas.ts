import { z } from 'zod';
import { PROJECT_STATUSES, TASK_KINDS, TASK_PRIORITIES, TASK_SOURCES, TASK_STATUSES } from './tasks.tables.ts';

const uuid = z.string().uuid();
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Enter a date as YYYY-MM-DD.');

/**
 * A task as the API shows it. `overdue`: not done and due before today at its location.
 * `slaDueAt`: when its kind's service level runs out (null: none); `slaBreached`: still not
 * done after it, or done late.
 */
export const taskSchema = z.object({
  id: uuid,
  locationId: uuid,
  locationName: z.string(),
  title: z.string(),
  note: z.string(),
  kind: z.enum(TASK_KINDS),
  assigneeId: uuid.nullable(),
  assigneeName: z.string().nullable(),
  dueOn: z.string().nullable(),
  /** The same day as `dueOn`, under the name the staff-operations contract uses. */
  dueDate: z.string().nullable(),
  overdue: z.boolean(),
  priority: z.enum(TASK_PRIORITIES),
  status: z.enum(TASK_STATUSES),
  projectId: uuid.nullable(),
  projectName: z.string().nullable(),
  slaDueAt: z.string().nullable(),
  slaBreached: z.boolean(),
  patientId: uuid.nullable(),
  patientName: z.string().nullable(),
  source: z.enum(TASK_SOURCES),
  sourceId: uuid.nullable(),
  completedAt: z.string().nullable(),
  completedBy: uuid.nullable(),
  createdBy: uuid.nullable(),
  createdAt: z.string(),
  version: z.number().int(),
});
export type Task = z.infer<typeof taskSchema>;

export const taskInputSchema = z.strictObject({
  title: z.string().trim().min(1).max(200),
  note: z.string().max(2000).default(''),
  /** Omitted: the source's usual kind (a call: `callback`), else `general`. */
  kind: z.enum(TASK_KINDS).optional(),
  /** Omitted: nobody yet (the location's list shows it). */
  assigneeId: uuid.optional(),
  dueOn: date.optional(),
  /** The same as `dueOn` (either name; both must agree). */
  dueDate: date.optional(),
  priority: z.enum(TASK_PRIORITIES).default('normal'),
  /** An active project of the task's location. */
  projectId: uuid.optional(),
  patientId: uuid.optional(),
  /** Omitted: the project's location, else the one chosen in the app (x-location-id), else the practice's first. */
  locationId: uuid.optional(),
});
export type TaskInput = z.infer<typeof taskInputSchema>;

/** What another module passes to createTask: a task input that may name its source. */
export type NewTask = z.input<typeof taskInputSchema> & {
  source?: Exclude<(typeof TASK_SOURCES)[number], 'manual'>;
  sourceId?: string;
};

export const taskPatchSchema = z.strictObject({
  title: z.string().trim().min(1).max(200).optional(),
  note: z.string().max(2000).optional(),
  kind: z.enum(TASK_KINDS).optional(),
  assigneeId: uuid.nullable().optional(),
  dueOn: date.nullable().optional(),
  /** The same as `dueOn` (either name; both must agree). */
  dueDate: date.nullable().optional(),
  priority: z.enum(TASK_PRIORITIES).optional(),
  projectId: uuid.nullable().optional(),
  /** `in_progress` marks it started; `done` completes it (who and when are recorded); `open` reopens it. */
  status: z.enum(TASK_STATUSES).optional(),
});
export type TaskPatch = z.infer<typeof taskPatchSchema>;

/** `active`: open or in progress (the default). */
export const TASK_LIST_STATUSES = [...TASK_STATUSES, 'active'] as const;

export const taskQuerySchema = z.strictObject({
  /** `me`: assigned to the caller; a user id: assigned to them. */
  assignee: z.union([z.literal('me'), uuid]).optional(),
  locationId: uuid.optional(),
  patientId: uuid.optional(),
  projectId: uuid.optional(),
  kind: z.enum(TASK_KINDS).optional(),
  status: z.enum(TASK_LIST_STATUSES).default('active'),
  /** true: only tasks past their service level (not done after it, or done late). */
  slaBreached: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(300).optional(),
});
export type TaskQuery = z.infer<typeof taskQuerySchema>;

/** A project: tasks grouped toward one goal; `progress` is the share of its tasks done (0-100). */
export const projectSchema = z.object({
  id: uuid,
  locationId: uuid,
  locationName: z.string(),
  name: z.string(),
  description: z.string(),
  ownerId: uuid.nullable(),
  ownerName: z.string().nullable(),
  dueOn: z.string().nullable(),
  status: z.enum(PROJECT_STATUSES),
  progress: z.number().int().min(0).max(100),
  tasks: z.object({
    total: z.number().int(),
    open: z.number().int(),
    inProgress: z.number().int(),
    done: z.number().int(),
    overdue: z.number().int(),
  }),
  createdAt: z.string(),
  version: z.number().int(),
});
export type Project = z.infer<typeof projectSchema>;

export const projectInputSchema = z.strictObject({
  name: z.string().trim().min(1).max(200),
  description: z.string().max(2000).default(''),
  ownerId: uuid.optional(),
  dueOn: date.optional(),
  /** Omitted: the location chosen in the app (x-location-id), else the practice's first. */
  locationId: uuid.optional(),
});
export type ProjectInput = z.infer<typeof projectInputSchema>;

export const projectPatchSchema = z.strictObject({
  name: z.string().trim().min(1).max(200).optional(),
  description: z.string().max(2000).optional(),
  ownerId: uuid.nullable().optional(),
  dueOn: date.nullable().optional(),
  status: z.enum(PROJECT_STATUSES).optional(),
});
export type ProjectPatch = z.infer<typeof projectPatchSchema>;

export const projectQuerySchema = z.strictObject({
  locationId: uuid.optional(),
  status: z.enum(PROJECT_STATUSES).default('active'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(300).optional(),
});
export type ProjectQuery = z.infer<typeof projectQuerySchema>;

/** A kind's service level: hours from creation to done (null: none set). */
export const taskSlaSchema = z.object({ kind: z.enum(TASK_KINDS), hours: z.number().int().nullable() });
export type TaskSla = z.infer<typeof taskSlaSchema>;
export const taskSlaInputSchema = z.strictObject({
  kind: z.enum(TASK_KINDS),
  /** null removes the level; tasks already made keep the due time they got. */
  hours: z.number().int().min(1).max(8760).nullable(),
});
