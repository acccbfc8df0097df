import { z } from 'zod';
import { defineAuditEvents } from '../shared/audit-events.ts';
import { CONTACT_METHODS, CONTACT_OUTCOMES, RECALL_TYPES } from './followups.tables.ts';

const count = z.number().int().nonnegative();
const searchDetails = z.strictObject({ status: z.string(), count, overdue: z.boolean().optional(), locationId: z.guid().optional() });

/** The audit events the followups module writes (see shared/audit-events.ts). */
export const followupsAuditEvents = defineAuditEvents({
  'create:follow_up': {
    about: 'a follow-up landed on the worklist: asked for by a signed encounter (its id), or noted by hand',
    details: z.union([
      z.strictObject({ source: z.literal('encounter'), encounterId: z.guid(), dueDate: z.string() }),
      z.strictObject({ source: z.literal('hand'), dueDate: z.string() }),
    ]),
  },
  'update:follow_up': {
    about: 'a follow-up was booked (with the appointment) or closed (with the reason); `changes.status`',
    details: z.union([z.strictObject({ appointmentId: z.guid() }), z.strictObject({ reason: z.string() })]),
  },
  'search:follow_up': {
    about: 'the follow-up worklist was viewed (null: the row of a patient shown under a break-glass grant)',
    details: searchDetails.nullable(),
  },
  'create:recall': {
    about: 'a recall was set for a patient',
    details: z.strictObject({ recallType: z.enum(RECALL_TYPES), dueDate: z.string() }),
  },
  'update:recall': { about: 'a recall was edited (`changes`)', details: z.null() },
  'read:recall': { about: "a recall's contact log was read", details: z.strictObject({ contacts: count }) },
  'search:recall': {
    about: 'the recall list (or a patient’s recalls) was viewed (null: the row of a patient shown under a break-glass grant)',
    details: searchDetails.extend({ patientId: z.guid().optional() }).nullable(),
  },
  'create:recall_contact': {
    about: 'an attempt to reach the patient about a recall was logged',
    details: z.strictObject({ recallId: z.guid(), method: z.enum(CONTACT_METHODS), outcome: z.enum(CONTACT_OUTCOMES) }),
  },
});
