import { z } from 'zod';
import { defineAuditEvents } from '../shared/audit-events.ts';

const count = z.strictObject({ count: z.number().int().nonnegative() });

/** The audit events the clinical module writes (see shared/audit-events.ts). */
export const clinicalAuditEvents = defineAuditEvents({
  'read:problem': { about: "a patient's problem list was read", details: count },
  'create:problem': { about: 'a problem was added to a patient’s list', details: z.strictObject({ code: z.string() }) },
  'update:problem': { about: 'a problem was edited, resolved or reactivated (`changes`)', details: z.null() },
  'read:allergy': {
    about: "a patient's allergy list and allergy status were read",
    details: z.strictObject({ count: z.number().int().nonnegative(), status: z.enum(['unknown', 'nka', 'has_allergies']) }),
  },
  'create:allergy': { about: 'an allergy was recorded (it ends a "no known allergies" statement)', details: z.null() },
  'update:allergy': { about: 'an allergy was edited or marked inactive (`changes`)', details: z.null() },
  'create:allergy_statement': {
    about: '"no known allergies" was recorded for a patient',
    details: z.strictObject({ status: z.literal('nka') }),
  },
  'read:medication': { about: "a patient's medication list was read", details: count },
  'create:medication': { about: 'a medication was added to a patient’s list', details: z.null() },
  'update:medication': { about: 'a medication was edited or stopped (`changes`)', details: z.null() },
  'read:prescription': { about: "a patient's prescriptions were listed", details: count },
  'create:prescription': {
    about: 'a prescription was recorded (with the medication it added or renewed)',
    details: z.strictObject({ medicationId: z.string(), renewed: z.boolean() }),
  },
  'print:prescription': { about: 'a prescription was printed (PDF)', details: z.null() },
});
