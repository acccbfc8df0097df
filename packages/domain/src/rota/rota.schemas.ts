import { z } from 'zod';
import { appointmentSchema } from '../scheduling/index.ts';
import { COVERAGE_KINDS, DUTIES, ON_CALL_TIERS, SWAP_STATUSES, TIME_OFF_STATUSES } from './rota.tables.ts';

const uuid = z.string().uuid();
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Enter a date as YYYY-MM-DD.');
const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Enter a time as HH:MM (24 h).');
/** An ISO instant (2026-03-09T14:00:00Z) or a local time at the location (2026-03-09T09:00). */
const start = z.string().min(16).max(40);
const limit = z.coerce.number().int().min(1).max(200).default(50);
const cursor = z.string().max(300).optional();

// ---- shift templates ------------------------------------------------------------------

export const shiftTemplateSchema = z.object({
  id: uuid,
  locationId: uuid,
  name: z.string(),
  duty: z.enum(DUTIES),
  startTime: z.string(),
  endTime: z.string(),
  /** The end is on the next day (a night). */
  overnight: z.boolean(),
  active: z.boolean(),
});
export type ShiftTemplate = z.infer<typeof shiftTemplateSchema>;

export const shiftTemplateInputSchema = z
  .strictObject({
    locationId: uuid,
    name: z.string().trim().min(1).max(100),
    duty: z.enum(DUTIES),
    startTime: time,
    /** At or before the start: the shift ends the next day. */
    endTime: time,
  })
  .refine((t) => t.endTime !== t.startTime, { path: ['endTime'], message: 'A shift cannot end when it starts.' });
export type ShiftTemplateInput = z.infer<typeof shiftTemplateInputSchema>;

// ---- shifts ---------------------------------------------------------------------------

export const shiftSchema = z.object({
  id: uuid,
  locationId: uuid,
  userId: uuid,
  userName: z.string(),
  duty: z.enum(DUTIES),
  start: z.string(),
  end: z.string(),
  templateId: uuid.nullable(),
  note: z.string(),
  /** An open swap request of this shift, if any. */
  pendingSwapId: uuid.nullable(),
  /** Its person has approved time off on a day of this shift (at the location): reassign it. */
  onLeave: z.boolean(),
  /** That time off. */
  timeOffId: uuid.nullable(),
  version: z.number().int(),
});
export type Shift = z.infer<typeof shiftSchema>;

/** A shift from a template (`templateId` and `date`) or with its own duty and times. */
export const shiftInputSchema = z.strictObject({
  userId: uuid,
  locationId: uuid,
  templateId: uuid.optional(),
  date: date.optional(),
  duty: z.enum(DUTIES).optional(),
  start: start.optional(),
  end: start.optional(),
  note: z.string().max(500).default(''),
});
export type ShiftInput = z.infer<typeof shiftInputSchema>;

export const rangeQuerySchema = z.strictObject({
  locationId: uuid,
  /** First day (at the location), inclusive. */
  from: date,
  /** Last day, inclusive; at most 31 days after `from`. */
  to: date,
});
export type RangeQuery = z.infer<typeof rangeQuerySchema>;

export const shiftQuerySchema = z.strictObject({
  locationId: uuid,
  from: date,
  to: date,
  userId: uuid.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(200),
  cursor,
});
export type ShiftQuery = z.infer<typeof shiftQuerySchema>;

// ---- swaps ----------------------------------------------------------------------------

export const swapSchema = z.object({
  id: uuid,
  shiftId: uuid,
  shift: shiftSchema,
  requestedBy: uuid,
  requestedByName: z.string(),
  toUserId: uuid,
  toUserName: z.string(),
  counterShiftId: uuid.nullable(),
  note: z.string(),
  status: z.enum(SWAP_STATUSES),
  decidedBy: uuid.nullable(),
  decidedAt: z.string().nullable(),
  createdAt: z.string(),
});
export type Swap = z.infer<typeof swapSchema>;

export const swapInputSchema = z.strictObject({
  /** The colleague who takes the shift. */
  toUserId: uuid,
  /** Their shift taken in exchange (optional). */
  counterShiftId: uuid.optional(),
  note: z.string().max(500).default(''),
});
export type SwapInput = z.infer<typeof swapInputSchema>;

export const decisionSchema = z.strictObject({
  decision: z.enum(['approve', 'deny']),
  note: z.string().max(500).default(''),
});
export type Decision = z.infer<typeof decisionSchema>;

export const swapQuerySchema = z.strictObject({
  locationId: uuid.optional(),
  status: z.enum(SWAP_STATUSES).default('pending'),
  limit,
  cursor,
});
export type SwapQuery = z.infer<typeof swapQuerySchema>;

// ---- coverage -------------------------------------------------------------------------

export const coverageRuleSchema = z.object({
  id: uuid,
  locationId: uuid,
  kind: z.enum(COVERAGE_KINDS),
  duty: z.enum(DUTIES),
  supportDuties: z.array(z.enum(DUTIES)),
  minCount: z.number().int(),
  weekdays: z.array(z.number().int()),
  startTime: z.string().nullable(),
  endTime: z.string().nullable(),
  label: z.string(),
});
export type CoverageRule = z.infer<typeof coverageRuleSchema>;

export const coverageRuleInputSchema = z
  .strictObject({
    locationId: uuid,
    /** minimum: at least `minCount` on `duty` over the hours on those weekdays; support: each `duty` shift needs `minCount` of `supportDuties`. */
    kind: z.enum(COVERAGE_KINDS),
    duty: z.enum(DUTIES),
    supportDuties: z.array(z.enum(DUTIES)).max(6).default([]),
    minCount: z.number().int().min(1).max(20).default(1),
    /** ISO weekdays, 1 = Monday. */
    weekdays: z.array(z.number().int().min(1).max(7)).max(7).default([]),
    startTime: time.optional(),
    endTime: time.optional(),
    label: z.string().trim().max(200).default(''),
  })
  .superRefine((r, ctx) => {
    if (r.kind === 'minimum') {
      if (!r.weekdays.length) ctx.addIssue({ code: 'custom', path: ['weekdays'], message: 'Choose the days the rule applies.' });
      if (!r.startTime) ctx.addIssue({ code: 'custom', path: ['startTime'], message: 'Enter when the location opens.' });
      if (!r.endTime || (r.startTime && r.endTime <= r.startTime))
        ctx.addIssue({ code: 'custom', path: ['endTime'], message: 'Enter a closing time after the opening time.' });
    } else {
      if (!r.supportDuties.length)
        ctx.addIssue({ code: 'custom', path: ['supportDuties'], message: 'Choose who must support the session.' });
      if (r.startTime || r.endTime)
        ctx.addIssue({ code: 'custom', path: ['startTime'], message: 'A support rule follows the sessions’ own hours.' });
    }
  });
export type CoverageRuleInput = z.infer<typeof coverageRuleInputSchema>;

/** A time when a rule is not met: `have` of `need` people on the duties it names. */
export const coverageGapSchema = z.object({
  locationId: uuid,
  ruleId: uuid,
  kind: z.enum(COVERAGE_KINDS),
  date: z.string(),
  start: z.string(),
  end: z.string(),
  duties: z.array(z.enum(DUTIES)),
  need: z.number().int(),
  have: z.number().int(),
  /** The session lacking support (support rules). */
  shiftId: uuid.nullable(),
  label: z.string(),
});
export type CoverageGap = z.infer<typeof coverageGapSchema>;

// ---- time off -------------------------------------------------------------------------

export const timeOffSchema = z.object({
  id: uuid,
  locationId: uuid,
  userId: uuid.nullable(),
  userName: z.string().nullable(),
  providerId: uuid.nullable(),
  providerName: z.string().nullable(),
  /** Whole days at the person's location, inclusive. */
  start: z.string(),
  end: z.string(),
  reason: z.string(),
  status: z.enum(TIME_OFF_STATUSES),
  requestedBy: uuid.nullable(),
  decidedBy: uuid.nullable(),
  decidedAt: z.string().nullable(),
  decisionNote: z.string(),
  /** The scheduling exception removing the provider's availability while approved. */
  exceptionId: uuid.nullable(),
  createdAt: z.string(),
  version: z.number().int(),
});
export type TimeOff = z.infer<typeof timeOffSchema>;

/** With the booked visits an approval falls on (the desk moves them). */
export const timeOffWithCollisionsSchema = timeOffSchema.extend({
  collisions: z.array(appointmentSchema),
  collisionsTruncated: z.boolean(),
});
export type TimeOffWithCollisions = z.infer<typeof timeOffWithCollisionsSchema>;

export const timeOffInputSchema = z
  .strictObject({
    /** The provider taking time off (their availability is removed once approved). */
    providerId: uuid.optional(),
    /** The member of staff; neither: the caller. */
    userId: uuid.optional(),
    /** First day off (YYYY-MM-DD, at the person's location). */
    start: date,
    /** Last day off, inclusive. */
    end: date,
    reason: z.string().trim().max(200).default(''),
    /** Where it is managed; omitted: the person's home location, else the chosen one. */
    locationId: uuid.optional(),
  })
  .refine((t) => t.end >= t.start, { path: ['end'], message: 'The last day cannot be before the first.' })
  .refine((t) => Date.parse(t.end) - Date.parse(t.start) <= 366 * 86_400_000, {
    path: ['end'],
    message: 'Time off can span a year at most: add another for longer.',
  });
export type TimeOffInput = z.infer<typeof timeOffInputSchema>;

export const timeOffQuerySchema = z.strictObject({
  locationId: uuid.optional(),
  status: z.enum(TIME_OFF_STATUSES).optional(),
  /** `me`: the caller's own. */
  userId: z.union([z.literal('me'), uuid]).optional(),
  limit,
  cursor,
});
export type TimeOffQuery = z.infer<typeof timeOffQuerySchema>;

// ---- on call --------------------------------------------------------------------------

export const onCallShiftSchema = z.object({
  id: uuid,
  locationId: uuid,
  locationName: z.string(),
  userId: uuid,
  userName: z.string(),
  tier: z.enum(ON_CALL_TIERS),
  start: z.string(),
  end: z.string(),
  note: z.string(),
});
export type OnCallShift = z.infer<typeof onCallShiftSchema>;

export const onCallInputSchema = z.strictObject({
  userId: uuid,
  locationId: uuid,
  start,
  end: start,
  tier: z.enum(ON_CALL_TIERS).default('primary'),
  note: z.string().max(500).default(''),
});
export type OnCallInput = z.infer<typeof onCallInputSchema>;

export const onCallQuerySchema = z.strictObject({
  locationId: uuid.optional(),
  userId: uuid.optional(),
  /** Shifts ending after this instant; default now. */
  from: z.string().datetime({ offset: true }).optional(),
  limit,
  cursor,
});
export type OnCallQuery = z.infer<typeof onCallQuerySchema>;

export const onCallNowSchema = z.object({
  locationId: uuid,
  locationName: z.string(),
  at: z.string(),
  primary: onCallShiftSchema.nullable(),
  backup: z.array(onCallShiftSchema),
  /** The next primary shift to begin (who to expect next). */
  nextPrimary: onCallShiftSchema.nullable(),
});
export type OnCallNow = z.infer<typeof onCallNowSchema>;

// ---- handovers ------------------------------------------------------------------------

export const handoverSchema = z.object({
  id: uuid,
  locationId: uuid,
  writtenBy: uuid,
  writtenByName: z.string(),
  toUserId: uuid.nullable(),
  toUserName: z.string().nullable(),
  openItems: z.string(),
  patientsWaiting: z.string(),
  tasksDue: z.string(),
  writtenAt: z.string(),
  acknowledgedBy: uuid.nullable(),
  acknowledgedByName: z.string().nullable(),
  acknowledgedAt: z.string().nullable(),
});
export type Handover = z.infer<typeof handoverSchema>;

export const handoverInputSchema = z
  .strictObject({
    locationId: uuid,
    /** The incoming person; omitted: whoever comes on next acknowledges. */
    toUserId: uuid.optional(),
    openItems: z.string().max(4000).default(''),
    patientsWaiting: z.string().max(4000).default(''),
    tasksDue: z.string().max(4000).default(''),
  })
  .refine((h) => (h.openItems + h.patientsWaiting + h.tasksDue).trim().length > 0, {
    path: ['openItems'],
    message: 'Write at least one of open items, patients waiting or tasks due.',
  });
export type HandoverInput = z.infer<typeof handoverInputSchema>;

export const handoverQuerySchema = z.strictObject({
  locationId: uuid,
  /** Only those still waiting for their acknowledgement. */
  pending: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  limit,
  cursor,
});
export type HandoverQuery = z.infer<typeof handoverQuerySchema>;
