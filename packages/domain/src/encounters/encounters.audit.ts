import { z } from 'zod';
import { auditIdsSchema, defineAuditEvents } from '../shared/audit-events.ts';

const count = z.number().int().nonnegative();
/** What a PATCH touched (never the text itself: the audit trail holds no note content). */
const PARTS = ['note', 'vitals', 'diagnoses', 'procedures', 'followUp'] as const;

/** The audit events the encounters module writes (see shared/audit-events.ts). */
export const encountersAuditEvents = defineAuditEvents({
  'create:encounter': {
    about: 'an encounter was opened for a visit (or ad hoc: `appointmentId` null)',
    details: z.strictObject({ appointmentId: z.guid().nullable(), dateOfService: z.iso.date() }),
  },
  'read:encounter': { about: 'an encounter (note, vitals, codes, addenda) was opened', details: z.null() },
  'update:encounter': {
    about: 'a draft note was saved: which parts changed (`parts`), never their text',
    details: z.strictObject({ parts: z.array(z.enum(PARTS)), version: z.number().int() }),
  },
  'sign:encounter': {
    about: 'a note was signed by its rendering provider (`cosignRequired`: it waits for the supervisor) or co-signed (`cosign`)',
    details: z.strictObject({
      cosignRequired: z.boolean().optional(),
      cosign: z.literal(true).optional(),
      method: z.enum(['password', 'totp']),
    }),
  },
  'amend:encounter': { about: 'an addendum was appended to a signed note', details: z.strictObject({ addendumId: z.guid() }) },
  'search:encounter': {
    about: 'a list of encounters was viewed (`patientIds`: whose rows were shown)',
    details: z
      .strictObject({
        count,
        patientIds: auditIdsSchema,
        appointmentId: z.guid().optional(),
        providerId: z.guid().optional(),
        status: z.string().optional(),
      })
      .nullable(),
  },
  'read:patient_encounters': { about: "a patient's encounter timeline was listed", details: z.strictObject({ count }) },
  'print:superbill': { about: "an encounter's superbill (codes and fees) was printed", details: z.null() },
  'create:note_template': { about: 'a note template was added', details: z.strictObject({ name: z.string() }) },
  'update:note_template': { about: 'a note template was edited (`changes`)', details: z.null() },
  'create:quick_text': { about: 'a quick text was added', details: z.strictObject({ abbreviation: z.string() }) },
  'update:quick_text': { about: 'a quick text was edited (`changes`)', details: z.null() },
});
