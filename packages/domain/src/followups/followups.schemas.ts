import { z } from 'zod';
import { CONTACT_METHODS, CONTACT_OUTCOMES, RECALL_STATUSES, RECALL_TYPES } from './followups.tables.ts';

const uuid = z.string().uuid();
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');

// ---- follow-ups --------------------------------------------------------------------------

/** A row of the follow-up worklist. `encounterId`: the signed encounter whose plan asked for it (null: noted by hand). */
export const followUpSchema = z.object({
  id: uuid,
  patientId: uuid,
  patientName: z.string(),
  dueDate: z.string(),
  appointmentTypeId: uuid.nullable(),
  appointmentTypeName: z.string().nullable(),
  providerId: uuid.nullable(),
  providerName: z.string().nullable(),
  locationId: uuid,
  locationName: z.string(),
  note: z.string(),
  status: z.enum(['open', 'booked', 'closed']),
  encounterId: uuid.nullable(),
  appointmentId: uuid.nullable(),
  closedReason: z.string().nullable(),
  createdAt: z.string(),
  version: z.number().int(),
});
export type FollowUp = z.infer<typeof followUpSchema>;

export const followUpInputSchema = z.strictObject({
  patientId: uuid,
  dueDate: date,
  appointmentTypeId: uuid.optional(),
  /** Omitted: any provider. */
  providerId: uuid.optional(),
  /** Omitted: the location chosen in the app (x-location-id). */
  locationId: uuid.optional(),
  note: z.string().max(1000).default(''),
});
export type FollowUpInput = z.infer<typeof followUpInputSchema>;

export const followUpQuerySchema = z.strictObject({
  status: z.enum(['open', 'booked', 'closed']).default('open'),
  locationId: uuid.optional(),
  providerId: uuid.optional(),
  /** Only those due strictly before this date. */
  dueBefore: date.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});
export type FollowUpQuery = z.infer<typeof followUpQuerySchema>;

export const bookFollowUpInputSchema = z.strictObject({
  /** ISO instant (a slot's `start` from GET /api/availability), or local date-time at the location. */
  startsAt: z.string().min(16).max(40),
  /** Default: the follow-up's provider (required when it names none). */
  providerId: uuid.optional(),
  /** Default: the follow-up's type (required when it names none). */
  appointmentTypeId: uuid.optional(),
  /** Default: the follow-up's location. */
  locationId: uuid.optional(),
  roomId: uuid.optional(),
  notes: z.string().max(2000).optional(),
});
export type BookFollowUpInput = z.infer<typeof bookFollowUpInputSchema>;

export const closeFollowUpInputSchema = z.strictObject({ reason: z.string().trim().min(1).max(500) });
export type CloseFollowUpInput = z.infer<typeof closeFollowUpInputSchema>;

// ---- recalls -----------------------------------------------------------------------------

export const recallContactSchema = z.object({
  id: uuid,
  recallId: uuid,
  contactedAt: z.string(),
  userId: uuid.nullable(),
  userName: z.string().nullable(),
  method: z.enum(CONTACT_METHODS),
  outcome: z.enum(CONTACT_OUTCOMES),
  note: z.string(),
});
export type RecallContact = z.infer<typeof recallContactSchema>;

/** `overdue`: due before today at the location the list was read for. */
export const recallSchema = z.object({
  id: uuid,
  patientId: uuid,
  patientName: z.string(),
  recallType: z.enum(RECALL_TYPES),
  /** The practice's own words (required for `other`). */
  label: z.string().nullable(),
  dueDate: z.string(),
  overdue: z.boolean(),
  providerId: uuid.nullable(),
  providerName: z.string().nullable(),
  status: z.enum(RECALL_STATUSES),
  note: z.string(),
  lastContact: recallContactSchema.omit({ recallId: true }).nullable(),
  contactCount: z.number().int(),
  createdAt: z.string(),
  version: z.number().int(),
});
export type Recall = z.infer<typeof recallSchema>;

const labelCheck = (r: { recallType?: string | undefined; label?: string | null | undefined }) => r.recallType !== 'other' || !!r.label;

export const recallInputSchema = z
  .strictObject({
    recallType: z.enum(RECALL_TYPES),
    label: z.string().trim().min(1).max(100).optional(),
    dueDate: date,
    providerId: uuid.optional(),
    note: z.string().max(1000).default(''),
  })
  .refine(labelCheck, { path: ['label'], message: 'name the recall when its type is "other"' });
export type RecallInput = z.infer<typeof recallInputSchema>;

export const recallPatchSchema = z.strictObject({
  recallType: z.enum(RECALL_TYPES).optional(),
  label: z.string().trim().min(1).max(100).nullable().optional(),
  dueDate: date.optional(),
  providerId: uuid.nullable().optional(),
  status: z.enum(RECALL_STATUSES).optional(),
  note: z.string().max(1000).optional(),
});
export type RecallPatch = z.infer<typeof recallPatchSchema>;

export const recallQuerySchema = z.strictObject({
  /** Omitted: the open ones (due or contacted). */
  status: z.enum(RECALL_STATUSES).optional(),
  /** Only those due before today at the location (x-location-id, else the practice's first). */
  overdue: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true'),
  dueBefore: date.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});
export type RecallQuery = z.infer<typeof recallQuerySchema>;

export const recallContactInputSchema = z.strictObject({
  method: z.enum(CONTACT_METHODS),
  outcome: z.enum(CONTACT_OUTCOMES),
  note: z.string().max(1000).default(''),
  /** When it happened (default: now); never in the future. */
  contactedAt: z.iso.datetime({ offset: true }).optional(),
});
export type RecallContactInput = z.infer<typeof recallContactInputSchema>;
