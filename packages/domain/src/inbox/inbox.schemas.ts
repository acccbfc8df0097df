import { z } from 'zod';
import { text } from '../shared/text.ts';
import { TASK_PRIORITIES } from '../tasks/index.ts';
import { THREAD_KINDS } from './inbox.tables.ts';

const uuid = z.string().uuid();

export const staffMessageSchema = z.object({
  id: uuid,
  authorId: uuid.nullable(),
  authorName: z.string().nullable(),
  body: z.string(),
  createdAt: z.string(),
});
export type StaffMessage = z.infer<typeof staffMessageSchema>;

export const staffThreadSchema = z.object({
  id: uuid,
  kind: z.enum(THREAD_KINDS),
  subject: z.string(),
  patientId: uuid.nullable(),
  patientName: z.string().nullable(),
  medicationName: z.string().nullable(),
  /** The provider's queue it sits in (a refill request: the prescriber). */
  providerId: uuid.nullable(),
  assignedTo: uuid.nullable(),
  assignedToName: z.string().nullable(),
  createdBy: uuid.nullable(),
  createdByName: z.string().nullable(),
  lastMessageAt: z.string(),
  /** A message from someone else since the caller last opened it. */
  unread: z.boolean(),
  done: z.boolean(),
  doneAt: z.string().nullable(),
  createdAt: z.string(),
  version: z.number().int(),
});
export type StaffThread = z.infer<typeof staffThreadSchema>;

export const staffThreadDetailSchema = staffThreadSchema.extend({ messages: z.array(staffMessageSchema) });
export type StaffThreadDetail = z.infer<typeof staffThreadDetailSchema>;

export const staffThreadInputSchema = z.strictObject({
  /** `refill_request`: names the patient and the medication; it goes to the prescriber's queue. */
  kind: z.enum(THREAD_KINDS).default('message'),
  /** Required for a message; a refill request is titled by its medication. */
  subject: text({ max: 200 }).optional(),
  body: text({ max: 5000, multiline: true }),
  patientId: uuid.optional(),
  medicationId: uuid.optional(),
  /** The colleague who should act on it (a refill request: the prescriber's account, found for you). */
  assignedTo: uuid.optional(),
});
export type StaffThreadInput = z.infer<typeof staffThreadInputSchema>;

export const staffReplyInputSchema = z.strictObject({ body: text({ max: 5000, multiline: true }) });
export type StaffReplyInput = z.infer<typeof staffReplyInputSchema>;

/** Assign (null: nobody), or mark done / open again. Needs If-Match. */
export const staffThreadPatchSchema = z.strictObject({
  assignedTo: uuid.nullable().optional(),
  done: z.boolean().optional(),
});
export type StaffThreadPatch = z.infer<typeof staffThreadPatchSchema>;

export const INBOX_BOXES = ['mine', 'sent', 'unassigned', 'all'] as const;
export const staffThreadQuerySchema = z.strictObject({
  /**
   * `mine`: threads I am on (assigned to me, started or written in by me) or waiting in my
   * provider's queue; `sent`: started by me; `unassigned`: no
   * one's yet; `all`: every thread of the practice.
   */
  box: z.enum(INBOX_BOXES).default('mine'),
  status: z.enum(['open', 'done', 'any']).default('open'),
  patientId: uuid.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(300).optional(),
});
export type StaffThreadQuery = z.infer<typeof staffThreadQuerySchema>;

export const refillMedicationSchema = z.object({
  id: uuid,
  name: z.string(),
  dose: z.string(),
  prescriberProviderId: uuid.nullable(),
  prescriberName: z.string().nullable(),
});

export const staffUserSchema = z.object({ id: uuid, name: z.string(), providerId: uuid.nullable() });

/** Make a task from a thread: each field defaults from the thread (subject, assignee, last message). */
export const threadTaskInputSchema = z.strictObject({
  title: z.string().trim().min(1).max(200).optional(),
  note: z.string().max(2000).optional(),
  assigneeId: uuid.optional(),
  dueOn: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'Enter a date as YYYY-MM-DD.')
    .optional(),
  priority: z.enum(TASK_PRIORITIES).optional(),
});
export type ThreadTaskInput = z.infer<typeof threadTaskInputSchema>;
