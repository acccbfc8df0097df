import { z } from 'zod';
import { defineAuditEvents } from '../shared/audit-events.ts';

const link = z.strictObject({ purpose: z.string(), subjectId: z.string() });

/** The audit events the comms module writes (see shared/audit-events.ts). */
export const commsAuditEvents = defineAuditEvents({
  'update:comms_settings': {
    about: 'mail and text settings were changed (`changes`; the SMTP password and SMS auth token are never shown, only that they changed)',
    details: z.strictObject({ passwordChanged: z.literal(true).optional(), smsAuthTokenChanged: z.literal(true).optional() }).nullable(),
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
  'read:patient_texts': {
    about: "a patient's text thread (sent and received texts) was viewed",
    details: z.strictObject({ count: z.number().int().nonnegative() }),
  },
  'create:patient_text': {
    about: 'the desk texted a patient (`resourceId` the message; the words are in the message log)',
    details: z.strictObject({ heldUntil: z.string().nullable() }),
  },
  'create:sms_inbound': {
    about: 'a text came in to the practice number (system actor); `action` what was done with it, `patientIds` whose number it was',
    details: z.strictObject({ action: z.string(), patientIds: z.array(z.string().uuid()), appointmentId: z.string().uuid().nullable() }),
  },
  'read:sms_inbox': {
    about: 'the inbox of received texts was viewed (the patients shown in `patientIds`)',
    details: z.strictObject({ count: z.number().int().nonnegative(), patientIds: z.array(z.string().uuid()) }),
  },
  'update:sms_inbound': { about: 'a received text was marked handled', details: z.null() },
  'read:signed_link': { about: "a patient opened a one-click link's page (system actor)", details: link },
  'use_link:signed_link': { about: "a patient used a one-click link's action (system actor)", details: link },
});
