import { z } from 'zod';
import { text } from '../shared/text.ts';
import { BATCH_AUDIENCES, TEMPLATE_KINDS } from './letters.tables.ts';

const uuid = z.string().uuid();

// ---- templates ---------------------------------------------------------------------------

export const letterTemplateSchema = z.object({
  id: uuid,
  name: z.string(),
  kind: z.enum(TEMPLATE_KINDS),
  body: z.string(),
  /** The merge fields the body uses, in order. */
  fields: z.array(z.string()),
  active: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type LetterTemplate = z.infer<typeof letterTemplateSchema>;

export const letterTemplateInputSchema = z.strictObject({
  name: text({ max: 120 }),
  /** Plain text; blank lines separate paragraphs; `{{patient.firstName}}` and the other fields of GET /api/letter-templates/fields. */
  body: text({ max: 20000, multiline: true }),
  /** `single`: written from the chart; `batch`: sent to many patients at once. */
  kind: z.enum(TEMPLATE_KINDS).default('single'),
});
export type LetterTemplateInput = z.infer<typeof letterTemplateInputSchema>;

/** What a PATCH may change (needs If-Match); `active: false` deactivates it. */
export const letterTemplatePatchSchema = z.strictObject({
  name: text({ max: 120 }).optional(),
  body: text({ max: 20000, multiline: true }).optional(),
  kind: z.enum(TEMPLATE_KINDS).optional(),
  active: z.boolean().optional(),
});
export type LetterTemplatePatch = z.infer<typeof letterTemplatePatchSchema>;

export const letterTemplateQuerySchema = z.strictObject({
  /** Default: active templates only. */
  includeInactive: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  kind: z.enum(TEMPLATE_KINDS).optional(),
});
export type LetterTemplateQuery = z.infer<typeof letterTemplateQuerySchema>;

export const mergeFieldSchema = z.object({ field: z.string(), about: z.string() });

// ---- letters -----------------------------------------------------------------------------

/** The context a letter is merged with, beside the patient. */
const letterContext = {
  /** The visit the letter is about (work/school note, results); default: the patient's next visit. */
  appointmentId: uuid.optional(),
  /** The recall it is about; default: the patient's earliest open recall. */
  recallId: uuid.optional(),
  /** The provider who signs it: a signature line under the letter (results letter, referral). */
  providerId: uuid.optional(),
  /** Whose letterhead; default: the location chosen in the app, else the practice's first. */
  locationId: uuid.optional(),
};

export const letterInputSchema = z.strictObject({ templateId: uuid, patientId: uuid, ...letterContext });
export type LetterInput = z.infer<typeof letterInputSchema>;

/** A letter before it is saved: the template merged for this patient (nothing is stored or printed). */
export const letterPreviewSchema = z.object({ title: z.string(), recipient: z.string(), body: z.string() });
export type LetterPreview = z.infer<typeof letterPreviewSchema>;

/** One line of the mail log: what was sent to whom, when, by whom. */
export const letterSchema = z.object({
  id: uuid,
  templateId: uuid,
  title: z.string(),
  patientId: uuid,
  patientName: z.string(),
  recipient: z.string(),
  batchId: uuid.nullable(),
  providerId: uuid.nullable(),
  locationId: uuid,
  createdAt: z.string(),
  createdBy: z.string().nullable(),
});
export type Letter = z.infer<typeof letterSchema>;

export const letterQuerySchema = z.strictObject({
  patientId: uuid.optional(),
  batchId: uuid.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(300).optional(),
});
export type LetterQuery = z.infer<typeof letterQuerySchema>;

// ---- batches -----------------------------------------------------------------------------

/** At most this many letters in one batch (one combined PDF the office prints at once). */
export const BATCH_LIMIT = 200;

export const letterBatchInputSchema = z.strictObject({
  templateId: uuid,
  /**
   * Who gets it: `patients` (the ids in `patientIds`), `overdue_recalls` (each patient with a
   * recall due before today), `balances_over` (each patient owing at least `minBalanceCents`).
   */
  audience: z.enum(BATCH_AUDIENCES).default('patients'),
  patientIds: z.array(uuid).min(1).max(BATCH_LIMIT).optional(),
  minBalanceCents: z.number().int().min(0).max(100_000_000).optional(),
  locationId: uuid.optional(),
});
export type LetterBatchInput = z.infer<typeof letterBatchInputSchema>;

export const letterBatchSchema = z.object({
  id: uuid,
  templateId: uuid,
  templateName: z.string(),
  audience: z.enum(BATCH_AUDIENCES),
  minBalanceCents: z.number().int().nullable(),
  letterCount: z.number().int(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
});
export type LetterBatch = z.infer<typeof letterBatchSchema>;

/** A task from a letter (`POST /api/letters/{id}/task`): every field defaults from the letter. */
export const letterTaskInputSchema = z.strictObject({
  title: z.string().trim().min(1).max(200).optional(),
  note: z.string().max(2000).optional(),
  /** Default: the account linked to the letter's signing provider, when there is one. */
  assigneeId: z.string().uuid().optional(),
  dueOn: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'Enter a date as YYYY-MM-DD.')
    .optional(),
  priority: z.enum(['low', 'normal', 'high', 'urgent']).optional(),
});
export type LetterTaskInput = z.infer<typeof letterTaskInputSchema>;
