import { z } from 'zod';
import { ROLES } from '../access/index.ts';
import { phoneSchema } from '../shared/validation.ts';
import { APPLICANT_SOURCES, EMPLOYMENT_TYPES, POSITION_STATUSES, STAGES } from './hiring.tables.ts';

const uuid = z.string().uuid();
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Enter a date as YYYY-MM-DD.');
const email = z.string().trim().toLowerCase().max(254).pipe(z.email());
/** An instant (2026-03-09T14:00:00Z) or a local time at the position's location (2026-03-09T09:00). */
const when = z.string().trim().max(40);

/** Applicants at each stage of a position's pipeline. */
export const stageCountsSchema = z.object(
  Object.fromEntries(STAGES.map((s) => [s, z.number().int()])) as Record<(typeof STAGES)[number], z.ZodNumber>,
);
export type StageCounts = z.infer<typeof stageCountsSchema>;

export const positionSchema = z.object({
  id: uuid,
  title: z.string(),
  locationId: uuid,
  locationName: z.string(),
  role: z.enum(ROLES),
  employmentType: z.enum(EMPLOYMENT_TYPES),
  openings: z.number().int(),
  /** Applicants hired so far; the position is filled when they reach its openings. */
  hired: z.number().int(),
  status: z.enum(POSITION_STATUSES),
  openedOn: z.string(),
  filledAt: z.string().nullable(),
  description: z.string(),
  hiringManagerId: uuid,
  hiringManagerName: z.string(),
  stageCounts: stageCountsSchema,
  version: z.number().int(),
});
export type Position = z.infer<typeof positionSchema>;

export const positionInputSchema = z.strictObject({
  title: z.string().trim().min(1).max(200),
  /** Without one: the location chosen in the app, else the practice's first. */
  locationId: uuid.optional(),
  role: z.enum(ROLES),
  employmentType: z.enum(EMPLOYMENT_TYPES),
  openings: z.number().int().min(1).max(50).default(1),
  /** Default: today at the location. */
  openedOn: date.optional(),
  description: z.string().trim().max(4000).default(''),
  hiringManagerId: uuid,
});
export type PositionInput = z.infer<typeof positionInputSchema>;

export const positionPatchSchema = z.strictObject({
  title: z.string().trim().min(1).max(200).optional(),
  /** Only while nobody has applied. */
  locationId: uuid.optional(),
  /** Only while nobody is hired. */
  role: z.enum(ROLES).optional(),
  employmentType: z.enum(EMPLOYMENT_TYPES).optional(),
  /** Not below the hires already made; reaching them fills the position, raising them reopens a filled one. */
  openings: z.number().int().min(1).max(50).optional(),
  /** open, on_hold or closed; filled follows the hires. */
  status: z.enum(['open', 'on_hold', 'closed']).optional(),
  openedOn: date.optional(),
  description: z.string().trim().max(4000).optional(),
  hiringManagerId: uuid.optional(),
});
export type PositionPatch = z.infer<typeof positionPatchSchema>;

export const positionQuerySchema = z.strictObject({
  locationId: uuid.optional(),
  /** Default: open and on hold (the positions being worked); all for every one. */
  status: z.enum([...POSITION_STATUSES, 'active', 'all']).default('active'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(300).optional(),
});
export type PositionQuery = z.infer<typeof positionQuerySchema>;

export const stageMoveSchema = z.object({
  fromStage: z.enum(STAGES).nullable(),
  toStage: z.enum(STAGES),
  note: z.string().nullable(),
  reason: z.string().nullable(),
  interviewAt: z.string().nullable(),
  movedBy: uuid.nullable(),
  movedByName: z.string().nullable(),
  movedAt: z.string(),
});
export type StageMove = z.infer<typeof stageMoveSchema>;

export const applicantSchema = z.object({
  id: uuid,
  name: z.string(),
  email: z.string(),
  phone: z.string().nullable(),
  source: z.enum(APPLICANT_SOURCES),
  positionId: uuid,
  positionTitle: z.string(),
  locationId: uuid,
  locationName: z.string(),
  stage: z.enum(STAGES),
  /** Why they were rejected or withdrew. */
  reason: z.string().nullable(),
  interviewAt: z.string().nullable(),
  notes: z.string(),
  hiredAt: z.string().nullable(),
  /** The onboarding their hire opened. */
  onboardingId: uuid.nullable(),
  /** The stages they may be moved to now. */
  nextStages: z.array(z.enum(STAGES)),
  createdAt: z.string(),
  version: z.number().int(),
});
export type Applicant = z.infer<typeof applicantSchema>;

/** One applicant with every stage move, oldest first. */
export const applicantDetailSchema = applicantSchema.extend({ history: z.array(stageMoveSchema) });
export type ApplicantDetail = z.infer<typeof applicantDetailSchema>;

export const applicantInputSchema = z.strictObject({
  name: z.string().trim().min(1).max(200),
  email,
  phone: phoneSchema.optional(),
  source: z.enum(APPLICANT_SOURCES),
  positionId: uuid,
  notes: z.string().trim().max(4000).default(''),
});
export type ApplicantInput = z.infer<typeof applicantInputSchema>;

export const applicantPatchSchema = z.strictObject({
  name: z.string().trim().min(1).max(200).optional(),
  email: email.optional(),
  phone: phoneSchema.nullable().optional(),
  source: z.enum(APPLICANT_SOURCES).optional(),
  /** Another open position at a location the caller manages; not once hired, rejected or withdrawn. */
  positionId: uuid.optional(),
  notes: z.string().trim().max(4000).optional(),
  /** Reschedule the interview (only at the interview stage). */
  interviewAt: when.nullable().optional(),
});
export type ApplicantPatch = z.infer<typeof applicantPatchSchema>;

export const applicantQuerySchema = z.strictObject({
  positionId: uuid.optional(),
  stage: z.enum(STAGES).optional(),
  locationId: uuid.optional(),
  /** Name or email contains. */
  q: z.string().trim().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(300).optional(),
});
export type ApplicantQuery = z.infer<typeof applicantQuerySchema>;

export const stageInputSchema = z.strictObject({
  stage: z.enum(STAGES),
  note: z.string().trim().min(1).max(2000).optional(),
  /** The interview's date and time (only when moving to interview). */
  interviewAt: when.optional(),
  /** Why: required for rejected and withdrawn. */
  reason: z.string().trim().min(1).max(1000).optional(),
});
export type StageInput = z.infer<typeof stageInputSchema>;

/** A step of the onboarding checklist: the system's (done by creating the account) or the practice's own (ticked by hand). */
export const checklistItemSchema = z.object({
  id: z.string(),
  label: z.string(),
  kind: z.enum(['system', 'manual']),
  done: z.boolean(),
  doneAt: z.string().nullable(),
  doneBy: uuid.nullable(),
  doneByName: z.string().nullable(),
  /** What the system did (roles granted, training items assigned). */
  detail: z.string().nullable(),
});
export type ChecklistItem = z.infer<typeof checklistItemSchema>;

export const onboardingSchema = z.object({
  id: uuid,
  applicantId: uuid,
  applicantName: z.string(),
  email: z.string(),
  positionId: uuid,
  positionTitle: z.string(),
  role: z.enum(ROLES),
  locationId: uuid,
  locationName: z.string(),
  hiringManagerId: uuid,
  hiringManagerName: z.string(),
  hiredAt: z.string(),
  /** The account made from this onboarding. */
  userId: uuid.nullable(),
  accountCreatedAt: z.string().nullable(),
  items: z.array(checklistItemSchema),
  /** Items done of all items. */
  done: z.number().int(),
  total: z.number().int(),
  complete: z.boolean(),
  version: z.number().int(),
});
export type Onboarding = z.infer<typeof onboardingSchema>;

export const onboardingQuerySchema = z.strictObject({
  locationId: uuid.optional(),
  /** open: something left to do (the default); complete; all. */
  status: z.enum(['open', 'complete', 'all']).default('open'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(300).optional(),
});
export type OnboardingQuery = z.infer<typeof onboardingQuerySchema>;

export const onboardingItemInputSchema = z.strictObject({ label: z.string().trim().min(1).max(200) });
export const onboardingItemPatchSchema = z.strictObject({ done: z.boolean() });

/** Creating the account answers the onboarding and the one-time link the hire chooses a password with. */
export const onboardingAccountSchema = z.object({
  onboarding: onboardingSchema,
  invite: z.object({ token: z.string(), url: z.string(), expiresAt: z.string() }),
});
export type OnboardingAccount = z.infer<typeof onboardingAccountSchema>;

const count = z.number().int().nonnegative();
/** The dashboard's hiring figures (pipeline-summary.ts): counts only, no applicant named. */
export const hiringSummarySchema = z.object({
  openPositions: count,
  onHoldPositions: count,
  openingsToFill: count.describe('Places on the open positions not yet filled by a hire'),
  applied: count,
  screening: count,
  interview: count,
  offer: count,
  interviewsSoon: count.describe('Interviews booked from now to interviewDays ahead'),
  interviewDays: count,
});
export type HiringSummary = z.infer<typeof hiringSummarySchema>;
