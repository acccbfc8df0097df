import { z } from 'zod';
import { defineAuditEvents } from '../shared/audit-events.ts';

const link = z.strictObject({ purpose: z.string(), subjectId: z.string() });

/** The audit events the comms module writes (see shared/audit-events.ts). */
export const commsAuditEvents = defineAuditEvents({
  'update:comms_settings': {
    about: 'mail settings were changed (`changes`; the password is never shown, only that it changed)',
    details: z.strictObject({ passwordChanged: z.literal(true) }).nullable(),
  },
  'create:reminder_rule': { about: 'a reminder rule was added', details: z.strictObject({ hoursBefore: z.number().int() }) },
  'update:reminder_rule': { about: 'a reminder rule was edited (`changes`)', details: z.null() },
  'delete:reminder_rule': {
    about: 'a reminder rule was removed (deactivated when reminders were already sent under it)',
    details: z.strictObject({ deactivated: z.boolean() }),
  },
  'read:patient_messages': {
    about: "a patient's message log was viewed",
    details: z.strictObject({ count: z.number().int().nonnegative() }),
  },
  'read:undelivered_messages': {
    about: 'the list of messages that did not reach their patients was viewed (the patients shown in `patientIds`)',
    details: z.strictObject({ count: z.number().int().nonnegative(), patientIds: z.array(z.string().uuid()) }),
  },
  'read:signed_link': { about: "a patient opened a one-click link's page (system actor)", details: link },
  'use_link:signed_link': { about: "a patient used a one-click link's action (system actor)", details: link },
});
