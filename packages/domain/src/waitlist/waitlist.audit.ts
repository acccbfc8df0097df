import { z } from 'zod';
import { defineAuditEvents } from '../shared/audit-events.ts';

const count = z.number().int().nonnegative();

/** The audit events the waitlist module writes (see shared/audit-events.ts). */
export const waitlistAuditEvents = defineAuditEvents({
  'create:waitlist_entry': { about: 'a patient was put on the waiting list', details: z.strictObject({ priority: z.number().int() }) },
  'update:waitlist_entry': {
    about: 'an entry was edited (the fields named), or booked by hand (`changes.status`)',
    details: z.union([
      z.strictObject({ fields: z.array(z.string()) }),
      z.strictObject({ appointmentId: z.guid(), byHand: z.literal(true) }),
    ]),
  },
  'delete:waitlist_entry': { about: 'an entry was removed', details: z.null() },
  'search:waitlist_entry': {
    about: 'the waiting list was viewed (null: the row of a patient shown under a break-glass grant)',
    details: z.strictObject({ status: z.string(), count, patientId: z.string().optional(), hidden: count.optional() }).nullable(),
  },
  'create:waitlist_offer': {
    about: 'a freed slot was offered to a patient (system actor)',
    details: z.strictObject({ entryId: z.guid(), sourceAppointmentId: z.guid(), start: z.iso.datetime(), expiresAt: z.iso.datetime() }),
  },
  'update:waitlist_offer': {
    about: 'an offer was accepted (with the appointment) or expired (`changes.status`)',
    details: z.strictObject({ appointmentId: z.guid() }).nullable(),
  },
  'update:waitlist_settings': { about: 'the waiting-list settings were changed (`changes`)', details: z.null() },
});
