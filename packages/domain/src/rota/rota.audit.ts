import { z } from 'zod';
import { defineAuditEvents } from '../shared/audit-events.ts';
import { DUTIES, ON_CALL_TIERS, TIME_OFF_STATUSES } from './rota.tables.ts';

/**
 * The audit events the rota module writes. Rota changes are recorded for accountability (who
 * put whom on which shift, who approved time off); handover notes may name patients waiting,
 * so writing, listing and acknowledging them is recorded as well.
 */
export const rotaAuditEvents = defineAuditEvents({
  'create:shift_template': { about: 'a shift template was added to a location', details: z.null() },
  'delete:shift_template': { about: 'a shift template was retired', details: z.null() },
  'create:shift': {
    about: 'a shift was assigned (`details`: who, duty)',
    details: z.strictObject({ userId: z.guid(), duty: z.enum(DUTIES) }),
  },
  'delete:shift': { about: 'a shift was removed from the rota', details: z.strictObject({ userId: z.guid() }) },
  'update:shift': { about: "a shift changed hands through an approved swap (`changes`: the shift's person)", details: z.null() },
  'create:shift_swap': {
    about: 'a member of staff asked to hand over (or exchange) a shift',
    details: z.strictObject({ shiftId: z.guid() }),
  },
  'review:shift_swap': {
    about: 'a manager approved or denied a swap request, or its requester withdrew it',
    details: z.strictObject({ status: z.enum(['approved', 'denied', 'withdrawn']) }),
  },
  'create:coverage_rule': { about: 'a coverage rule was added to a location', details: z.null() },
  'delete:coverage_rule': { about: 'a coverage rule was removed', details: z.null() },
  'create:time_off': {
    about: 'time off was asked for (pending) or recorded by a manager (approved)',
    details: z.strictObject({ status: z.enum(TIME_OFF_STATUSES), providerId: z.guid().optional() }),
  },
  'update:time_off': {
    about: 'time off was approved, denied or cancelled (`changes`: its status; an approval of a provider’s names the exception)',
    details: z.strictObject({ status: z.enum(TIME_OFF_STATUSES), exceptionId: z.guid().optional() }),
  },
  'create:on_call_shift': {
    about: 'an on-call shift was added',
    details: z.strictObject({ userId: z.guid(), tier: z.enum(ON_CALL_TIERS) }),
  },
  'delete:on_call_shift': { about: 'an on-call shift was removed', details: z.null() },
  'create:on_call_feed': { about: "a person's on-call calendar feed was made (any earlier one stops working)", details: z.null() },
  'delete:on_call_feed': { about: "a person's on-call calendar feed was revoked", details: z.null() },
  'read:on_call_feed': {
    about: "an on-call calendar feed was fetched with its secret URL (as the system's `ical-feed:on-call`)",
    details: z.strictObject({ count: z.number().int().nonnegative() }),
  },
  'create:handover': { about: 'a handover note was written at shift change', details: z.null() },
  'search:handover': {
    about: "a location's handover notes were listed (with how many)",
    details: z.strictObject({ locationId: z.guid(), count: z.number().int().nonnegative() }),
  },
  'read:handover': { about: 'a handover note was opened', details: z.null() },
  'review:handover': { about: 'the incoming person acknowledged a handover note', details: z.null() },
});
