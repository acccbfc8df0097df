import { z } from 'zod';
import { ASSIGNMENT_SOURCES, TRAINING_CATEGORIES, TRAINING_KINDS } from './training.tables.ts';

const uuid = z.string().uuid();
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Enter a date as YYYY-MM-DD.');
const flag = z
  .enum(['true', 'false'])
  .transform((v) => v === 'true')
  .optional();

export const trainingItemSchema = z.object({
  id: uuid,
  title: z.string(),
  kind: z.enum(TRAINING_KINDS),
  category: z.enum(TRAINING_CATEGORIES),
  description: z.string(),
  dueWithinDays: z.number().int(),
  recurrenceMonths: z.number().int().nullable(),
  onboarding: z.boolean(),
  active: z.boolean(),
  version: z.number().int(),
});
export type TrainingItem = z.infer<typeof trainingItemSchema>;

export const trainingItemInputSchema = z.strictObject({
  title: z.string().trim().min(1).max(200),
  kind: z.enum(TRAINING_KINDS),
  category: z.enum(TRAINING_CATEGORIES),
  description: z.string().trim().max(4000).default(''),
  dueWithinDays: z.number().int().min(1).max(365).default(30),
  recurrenceMonths: z.number().int().min(1).max(60).nullable().default(null),
  onboarding: z.boolean().default(false),
});
export type TrainingItemInput = z.infer<typeof trainingItemInputSchema>;

export const trainingItemPatchSchema = z.strictObject({
  title: z.string().trim().min(1).max(200).optional(),
  description: z.string().trim().max(4000).optional(),
  dueWithinDays: z.number().int().min(1).max(365).optional(),
  recurrenceMonths: z.number().int().min(1).max(60).nullable().optional(),
  onboarding: z.boolean().optional(),
  active: z.boolean().optional(),
});
export type TrainingItemPatch = z.infer<typeof trainingItemPatchSchema>;

export const trainingItemQuerySchema = z.strictObject({
  includeInactive: flag,
  limit: z.coerce.number().int().min(1).max(200).default(100),
  cursor: z.string().max(300).optional(),
});
export type TrainingItemQuery = z.infer<typeof trainingItemQuerySchema>;

export const assignmentSchema = z.object({
  id: uuid,
  itemId: uuid,
  itemTitle: z.string(),
  kind: z.enum(TRAINING_KINDS),
  category: z.enum(TRAINING_CATEGORIES),
  userId: uuid,
  userName: z.string(),
  dueOn: z.string(),
  source: z.enum(ASSIGNMENT_SOURCES),
  status: z.enum(['open', 'overdue', 'completed']),
  /** Days past due (open ones only; 0 when not overdue). */
  daysOverdue: z.number().int(),
  completedOn: z.string().nullable(),
  evidence: z.string().nullable(),
  version: z.number().int(),
});
export type Assignment = z.infer<typeof assignmentSchema>;

export const assignInputSchema = z.strictObject({
  itemId: uuid,
  userIds: z.array(uuid).min(1).max(200),
  /** Default: today + the item's dueWithinDays. */
  dueOn: date.optional(),
});
export type AssignInput = z.infer<typeof assignInputSchema>;

/** What assigning did: the new assignments, and the people who already had one open (unchanged). */
export const assignResultSchema = z.object({ assigned: z.array(assignmentSchema), alreadyOpen: z.array(uuid) });
export type AssignResult = z.infer<typeof assignResultSchema>;

export const completeInputSchema = z.strictObject({
  /** Default: today. */
  completedOn: date.optional(),
  /** Certificate number, course name, "read and understood"... Required for training, optional for a policy. */
  evidence: z.string().trim().max(2000).optional(),
});
export type CompleteInput = z.infer<typeof completeInputSchema>;

export const assignmentQuerySchema = z.strictObject({
  /** `me` (the default for those who do not manage training) or a user id. */
  userId: z.union([z.literal('me'), uuid]).optional(),
  itemId: uuid.optional(),
  status: z.enum(['open', 'overdue', 'completed', 'all']).default('open'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(300).optional(),
});
export type AssignmentQuery = z.infer<typeof assignmentQuerySchema>;

export const overdueQuerySchema = z.strictObject({ locationId: uuid.optional() });

/** The overdue report: per person, what they have not completed by its due date. */
export const overdueReportSchema = z.object({
  asOf: z.string(),
  people: z.array(
    z.object({
      userId: uuid,
      userName: z.string(),
      overdue: z.array(
        z.object({ assignmentId: uuid, itemId: uuid, itemTitle: z.string(), dueOn: z.string(), daysOverdue: z.number().int() }),
      ),
    }),
  ),
  total: z.number().int(),
});
export type OverdueReport = z.infer<typeof overdueReportSchema>;

export const trainingDueSummarySchema = z.object({ overdue: z.number().int(), dueSoon: z.number().int(), dueSoonDays: z.number().int() });
export type TrainingDueSummary = z.infer<typeof trainingDueSummarySchema>;
