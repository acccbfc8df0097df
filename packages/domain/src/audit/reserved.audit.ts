/**
 * Catalogue entries for the modules to come, declared ahead as a shared vocabulary: encounter
 * notes (sign, amend, print, export), claims (disclose), and record
 * printouts and exports. The module that first writes one moves its entry into its own
 * manifest (a key is declared once); the details shapes live in shared/audit-events.ts.
 */
import { z } from 'zod';
import { defineAuditEvents, disclosureDetailsSchema, outputDetailsSchema } from '../shared/audit-events.ts';

const NOTES = 'reserved: the encounter notes module';

/** The audit events declared ahead for the modules to come (see shared/audit-events.ts). */
export const reservedAuditEvents = defineAuditEvents({
  'sign:encounter_note': {
    about: 'a clinician signed a note: that version is final (changes after it are amendments)',
    details: z.strictObject({
      version: z.number().int().positive(),
      /** SHA-256 (hex) of the signed content, so the signed text can be shown unchanged later. */
      contentSha256: z.string().regex(/^[0-9a-f]{64}$/),
      /** A co-signature (a supervising clinician) names the signature it countersigns. */
      cosignOf: z.guid().optional(),
    }),
    writer: NOTES,
  },
  'amend:encounter_note': {
    about: 'a signed note was amended: an addendum, a correction, or a change the patient asked for (45 CFR 164.526)',
    details: z.strictObject({
      fromVersion: z.number().int().positive(),
      toVersion: z.number().int().positive(),
      kind: z.enum(['addendum', 'correction', 'patient_request']),
      reason: z.string().min(1).max(500),
    }),
    writer: NOTES,
  },
  'print:encounter_note': { about: 'a note was printed', details: outputDetailsSchema, writer: NOTES },
  'export:encounter_note': { about: 'a note was exported (a file leaves the application)', details: outputDetailsSchema, writer: NOTES },
  'disclose:claim': {
    about: 'a claim was sent to a payer or clearinghouse: one entry of the accounting of disclosures',
    details: disclosureDetailsSchema,
    writer: 'reserved: the billing module',
  },
  'print:patient': {
    about: 'a patient record (face sheet, summary) was printed',
    details: outputDetailsSchema,
    writer: 'reserved: record printouts',
  },
  'export:patient': {
    about: "a patient's record was exported (the patient's right of access, a transfer)",
    details: outputDetailsSchema,
    writer: 'reserved: record exports',
  },
});
