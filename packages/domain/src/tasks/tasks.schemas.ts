import { z } from 'zod';
import { TASK_PRIORITIES, TASK_SOURCES, TASK_STATUSES } from './tasks.tables.ts';

const uuid = z.string().uuid();
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Enter a date as YYYY-MM-DD.');

/** A task as the API shows it. `overdue`: open and due before today at its location. */
export const taskSchema = z.object({
  id: uuid,
  locationId: uuid,
  locationName: z.string(),
  title: z.string(),
  note: z.string(),
  assigneeId: uuid.nullable(),
  assigneeName: z.string().nullable(),
  dueOn: z.string().nullable(),
  overdue: z.boolean(),
  priority: z.enum(TASK_PRIORITIES),
  status: z.enum(TASK_STATUSES),
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
  /** Omitted: nobody yet (the location's list shows it). */
  assigneeId: uuid.optional(),
  dueOn: date.optional(),
  priority: z.enum(TASK_PRIORITIES).default('normal'),
  patientId: uuid.optional(),
  /** Omitted: the location chosen in the app (x-location-id), else the practice's first. */
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
  assigneeId: uuid.nullable().optional(),
  dueOn: date.nullable().optional(),
  priority: z.enum(TASK_PRIORITIES).optional(),
  /** `done` completes it (who and when are recorded); `open` reopens it. */
  status: z.enum(TASK_STATUSES).optional(),
});
export type TaskPatch = z.infer<typeof taskPatchSchema>;

export const taskQuerySchema = z.strictObject({
  /** `me`: assigned to the caller; a user id: assigned to them. */
  assignee: z.union([z.literal('me'), uuid]).optional(),
  locationId: uuid.optional(),
  patientId: uuid.optional(),
  status: z.enum(TASK_STATUSES).default('open'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(300).optional(),
});
export type TaskQuery = z.infer<typeof taskQuerySchema>;
