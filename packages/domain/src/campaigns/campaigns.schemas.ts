import { z } from 'zod';
import { RECALL_TYPES } from '../followups/index.ts';
import { CAMPAIGN_STATUSES, RESPONSES, SEND_OUTCOMES, STAGES } from './campaigns.tables.ts';

const uuid = z.string().uuid();
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Enter a date as YYYY-MM-DD.');
const days = z.number().int().min(0).max(365);

/** At most this many recalls join a campaign when it starts (the oldest due first); `capped` says when more matched. */
export const ENROLMENT_CAP = 5_000;

const stageCounts = z.object({ sent: z.number().int(), noConsent: z.number().int(), noContact: z.number().int() });
const responseCounts = z.object({
  booked: z.number().int(),
  declined: z.number().int(),
  unreachable: z.number().int(),
  none: z.number().int(),
});

/** A recall campaign: its selection, its stages (days after the start), where it stands. */
export const campaignSchema = z.object({
  id: uuid,
  name: z.string(),
  recallTypes: z.array(z.enum(RECALL_TYPES)),
  dueOnOrBefore: z.string(),
  locationId: uuid.nullable(),
  providerId: uuid.nullable(),
  emailAfterDays: z.number().int(),
  smsAfterDays: z.number().int(),
  letterAfterDays: z.number().int(),
  letterTemplateId: uuid.nullable(),
  status: z.enum(CAMPAIGN_STATUSES),
  startedAt: z.string().nullable(),
  stoppedAt: z.string().nullable(),
  enrolled: z.number().int(),
  capped: z.boolean(),
  enrolmentCap: z.number().int(),
  /** Per stage: sent, and skipped for want of consent or of the contact. */
  stages: z.object({ email: stageCounts, sms: stageCounts, letter: stageCounts }),
  responses: responseCounts,
  createdAt: z.string(),
  version: z.number().int(),
});
export type Campaign = z.infer<typeof campaignSchema>;

const selection = {
  recallTypes: z.array(z.enum(RECALL_TYPES)).min(1).max(RECALL_TYPES.length),
  dueOnOrBefore: date,
  /** Only this provider's recalls. */
  providerId: uuid.nullable().optional(),
};

export const campaignInputSchema = z
  .strictObject({
    name: z.string().trim().min(1).max(200),
    ...selection,
    /** The location whose letterhead the letters carry and whose quiet hours hold the texts (default: the app's). */
    locationId: uuid.nullable().optional(),
    emailAfterDays: days.default(0),
    smsAfterDays: days.default(7),
    letterAfterDays: days.default(14),
    /** The letter stage's template (none: no letters). */
    letterTemplateId: uuid.nullable().optional(),
  })
  .superRefine((v, ctx) => stageOrder(v, ctx));
export type CampaignInput = z.infer<typeof campaignInputSchema>;

function stageOrder(v: { emailAfterDays?: number; smsAfterDays?: number; letterAfterDays?: number }, ctx: z.RefinementCtx) {
  if (v.emailAfterDays !== undefined && v.smsAfterDays !== undefined && v.smsAfterDays < v.emailAfterDays)
    ctx.addIssue({ code: 'custom', path: ['smsAfterDays'], message: 'The text comes after the email: at least as many days.' });
  if (v.smsAfterDays !== undefined && v.letterAfterDays !== undefined && v.letterAfterDays < v.smsAfterDays)
    ctx.addIssue({ code: 'custom', path: ['letterAfterDays'], message: 'The letter comes after the text: at least as many days.' });
}

export const campaignPreviewInputSchema = z.strictObject(selection);
export type CampaignPreviewInput = z.infer<typeof campaignPreviewInputSchema>;
export const campaignPreviewSchema = z.object({
  /** Open recalls matching now that are not in another campaign (counted up to one more than the cap). */
  matching: z.number().int(),
  wouldEnroll: z.number().int(),
  enrolmentCap: z.number().int(),
});
export type CampaignPreview = z.infer<typeof campaignPreviewSchema>;

/** Edit a draft (selection, stages), or move it: `running` starts (enrols) or resumes, `paused`, `stopped`. */
export const campaignPatchSchema = z.strictObject({
  name: z.string().trim().min(1).max(200).optional(),
  ...selection,
  recallTypes: selection.recallTypes.optional(),
  dueOnOrBefore: date.optional(),
  locationId: uuid.nullable().optional(),
  emailAfterDays: days.optional(),
  smsAfterDays: days.optional(),
  letterAfterDays: days.optional(),
  letterTemplateId: uuid.nullable().optional(),
  status: z.enum(['running', 'paused', 'stopped']).optional(),
});
export type CampaignPatch = z.infer<typeof campaignPatchSchema>;

export const campaignQuerySchema = z.strictObject({
  status: z.enum(CAMPAIGN_STATUSES).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: z.string().max(200).optional(),
});
export type CampaignQuery = z.infer<typeof campaignQuerySchema>;

export const memberSendSchema = z.object({ stage: z.enum(STAGES), outcome: z.enum(SEND_OUTCOMES), at: z.string() });

/** A patient in a campaign: their recall, the next stage and when, what came of it. */
export const campaignMemberSchema = z.object({
  id: uuid,
  campaignId: uuid,
  recallId: uuid,
  patientId: uuid,
  patientName: z.string(),
  recallType: z.enum(RECALL_TYPES),
  recallDueDate: z.string(),
  stage: z.enum([...STAGES, 'done']),
  nextStageAt: z.string().nullable(),
  response: z.enum(RESPONSES),
  responseNote: z.string(),
  respondedAt: z.string().nullable(),
  respondedBy: z.string().nullable(),
  sends: z.array(memberSendSchema),
  version: z.number().int(),
});
export type CampaignMember = z.infer<typeof campaignMemberSchema>;

export const memberQuerySchema = z.strictObject({
  response: z.enum(RESPONSES).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});
export type MemberQuery = z.infer<typeof memberQuerySchema>;

/** What the desk heard: declined or unreachable (stops the stages), or `none` to take it back. */
export const memberPatchSchema = z.strictObject({
  response: z.enum(['declined', 'unreachable', 'none']),
  note: z.string().trim().max(1000).default(''),
});
export type MemberPatch = z.infer<typeof memberPatchSchema>;

export const campaignReportSchema = z.object({
  campaignId: uuid,
  name: z.string(),
  status: z.enum(CAMPAIGN_STATUSES),
  enrolled: z.number().int(),
  capped: z.boolean(),
  stages: z.array(z.object({ stage: z.enum(STAGES), channel: z.enum(['email', 'sms', 'letter']), ...stageCounts.shape })),
  skipped: z.object({ noConsent: z.number().int(), noContact: z.number().int() }),
  responses: responseCounts,
  /** Members still going through the stages (no response, a stage to come). */
  inProgress: z.number().int(),
  /** Booked ÷ enrolled, 0..1 (0 with nobody enrolled). */
  bookedRate: z.number(),
});
export type CampaignReport = z.infer<typeof campaignReportSchema>;
