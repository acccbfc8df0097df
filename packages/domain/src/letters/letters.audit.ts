import { z } from 'zod';
import { defineAuditEvents } from '../shared/audit-events.ts';
import { BATCH_AUDIENCES } from './letters.tables.ts';

const count = z.number().int().nonnegative();

/** The audit events the letters module writes (see shared/audit-events.ts). */
export const lettersAuditEvents = defineAuditEvents({
  'create:letter_template': {
    about: 'a letter template was saved (the merge fields it uses)',
    details: z.strictObject({ fields: z.array(z.string()) }),
  },
  'update:letter_template': {
    about: 'a letter template was edited or deactivated (`changes`; whether its text changed, never the text)',
    details: z.strictObject({ bodyChanged: z.boolean(), fields: z.array(z.string()) }),
  },
  'create:letter': {
    about: 'a letter to a patient was written from a template (alone, or as part of a batch)',
    details: z.strictObject({ templateId: z.guid(), batchId: z.guid().nullable() }),
  },
  'print:letter': {
    about: 'a letter was printed or downloaded as a PDF (alone, or with its batch)',
    details: z.strictObject({ batchId: z.guid().nullable() }),
  },
  'search:letter': {
    about: 'the mail log was viewed (all letters, one patient’s, or one batch’s)',
    details: z.strictObject({ count, patientId: z.guid().optional(), batchId: z.guid().optional() }),
  },
  'create:letter_batch': {
    about: 'letters were written to many patients at once (the audience and how many; each letter has its own row)',
    details: z.strictObject({ audience: z.enum(BATCH_AUDIENCES), letters: count }),
  },
  'print:letter_batch': {
    about: 'a batch of letters was printed as one PDF (letters to records the printer may not open are withheld)',
    details: z.strictObject({ letters: count, withheld: count }),
  },
});
