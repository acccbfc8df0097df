import { z } from 'zod';
import { phoneSchema } from '../shared/validation.ts';
import { TASK_PRIORITIES } from '../tasks/index.ts';
import { CALL_DIRECTIONS, CALL_OUTCOMES, CALL_REASONS, FOLLOW_UP_STATES } from './calls.tables.ts';

const uuid = z.string().uuid();
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Enter a date as YYYY-MM-DD.');

/** A patient whose phone is the caller's number (the desk picks when there are several). */
export const callerCandidateSchema = z.object({
  id: uuid,
  mrn: z.string(),
  givenName: z.string(),
  familyName: z.string(),
  birthDate: z.string(),
});
export type CallerCandidate = z.infer<typeof callerCandidateSchema>;

/** A call in the log. `unanswered`: an inbound call nobody picked up (missed, or a voicemail left). */
export const callSchema = z.object({
  id: uuid,
  locationId: uuid,
  locationName: z.string(),
  direction: z.enum(CALL_DIRECTIONS),
  /** E.164. */
  phone: z.string(),
  patientId: uuid.nullable(),
  patientName: z.string().nullable(),
  reason: z.enum(CALL_REASONS),
  note: z.string(),
  outcome: z.enum(CALL_OUTCOMES).nullable(),
  unanswered: z.boolean(),
  followUp: z.enum(FOLLOW_UP_STATES),
  assignedTo: uuid.nullable(),
  assignedToName: z.string().nullable(),
  taskId: uuid.nullable(),
  takenBy: uuid.nullable(),
  takenByName: z.string().nullable(),
  occurredAt: z.string(),
  createdAt: z.string(),
  version: z.number().int(),
});
export type Call = z.infer<typeof callSchema>;

/** POST /api/calls answers the call and, when the number matched several patients, the candidates to pick from. */
export const loggedCallSchema = callSchema.extend({ candidates: z.array(callerCandidateSchema) });
export type LoggedCall = z.infer<typeof loggedCallSchema>;

/** The follow-up a call asks for: it becomes a task (tasks module) in the same transaction. */
export const callFollowUpSchema = z.strictObject({
  /** Default: "Call back" and the reason. */
  title: z.string().trim().min(1).max(200).optional(),
  assigneeId: uuid.optional(),
  dueOn: date.optional(),
  priority: z.enum(TASK_PRIORITIES).default('normal'),
  note: z.string().max(2000).default(''),
});

export const callInputSchema = z
  .strictObject({
    direction: z.enum(CALL_DIRECTIONS),
    phone: phoneSchema,
    /** Omitted: filled from the phone when exactly one patient has that number. */
    patientId: uuid.optional(),
    reason: z.enum(CALL_REASONS),
    note: z.string().max(4000).default(''),
    outcome: z.enum(CALL_OUTCOMES).optional(),
    followUp: callFollowUpSchema.optional(),
    /** Default: now; never in the future. */
    occurredAt: z.iso.datetime({ offset: true }).optional(),
    /** Default: the location chosen in the app (x-location-id), else the practice's first. */
    locationId: uuid.optional(),
  })
  .superRefine((c, ctx) => {
    if (c.outcome && !outcomeFits(c.direction, c.outcome))
      ctx.addIssue({ code: 'custom', path: ['outcome'], message: `Not an outcome of an ${c.direction} call.` });
  });
export type CallInput = z.infer<typeof callInputSchema>;

export function outcomeFits(direction: (typeof CALL_DIRECTIONS)[number], outcome: (typeof CALL_OUTCOMES)[number]): boolean {
  if (outcome === 'missed' || outcome === 'voicemail') return direction === 'inbound';
  if (outcome === 'left_voicemail' || outcome === 'no_answer') return direction === 'outbound';
  return true;
}

export const callPatchSchema = z.strictObject({
  outcome: z.enum(CALL_OUTCOMES).optional(),
  note: z.string().max(4000).optional(),
  /** The desk's pick among the candidates (null: not a patient after all). */
  patientId: uuid.nullable().optional(),
  reason: z.enum(CALL_REASONS).optional(),
  assignedTo: uuid.nullable().optional(),
  /** `done`: the call was returned, the refill sent... `open`: someone still has to act. */
  followUp: z.enum(FOLLOW_UP_STATES).optional(),
});
export type CallPatch = z.infer<typeof callPatchSchema>;

const flag = z
  .enum(['true', 'false'])
  .optional()
  .transform((v) => v === 'true');

export const callQuerySchema = z.strictObject({
  patientId: uuid.optional(),
  /** Only calls whose follow-up is open. */
  needsFollowUp: flag,
  /** Only inbound calls nobody answered. */
  unanswered: flag,
  locationId: uuid.optional(),
  /** `me` or a user id: calls whose follow-up is theirs. */
  assignedTo: z.union([z.literal('me'), uuid]).optional(),
  direction: z.enum(CALL_DIRECTIONS).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(300).optional(),
});
export type CallQuery = z.infer<typeof callQuerySchema>;

export const callerQuerySchema = z.strictObject({ phone: phoneSchema });

/** "Who called while I was out": open follow-ups (and the unanswered calls among them) per user and per location. */
export const waitingCallsSchema = z.object({
  byUser: z.array(
    z.object({ userId: uuid.nullable(), userName: z.string().nullable(), followUps: z.number().int(), unanswered: z.number().int() }),
  ),
  byLocation: z.array(z.object({ locationId: uuid, locationName: z.string(), followUps: z.number().int(), unanswered: z.number().int() })),
});
export type WaitingCalls = z.infer<typeof waitingCallsSchema>;
