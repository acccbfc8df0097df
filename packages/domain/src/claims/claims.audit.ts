import { z } from 'zod';
import { defineAuditEvents } from '../shared/audit-events.ts';
import { CLAIM_STATUSES } from './claim-states.ts';

const cents = z.number().int();
const count = z.number().int().nonnegative();

/** The audit events the claims module writes (see shared/audit-events.ts). */
export const claimsAuditEvents = defineAuditEvents({
  'create:claim': {
    about: "a claim was built from an encounter's approved charges for a coverage",
    details: z.strictObject({ encounterId: z.guid(), coverageId: z.guid(), patientControlNumber: z.string(), totalChargeCents: cents }),
  },
  'read:claim': { about: 'a claim (what it bills, its timeline and scrub) was opened', details: z.null() },
  'print:claim': {
    about: 'a claim was printed on the CMS-1500 paper form (`form`: with the form drawn, or the data only for pre-printed paper)',
    details: z.strictObject({ form: z.enum(['form', 'data-only']) }),
  },
  'search:claim': {
    about: 'the claims list was viewed (a row per patient shown; null details: shown under a break-glass grant)',
    details: z.strictObject({ count, status: z.enum(CLAIM_STATUSES).optional() }).nullable(),
  },
  'update:claim': {
    about: 'a claim was scrubbed: errors and warnings counted, `changes.status` when it moved (submission is the batch row)',
    details: z.strictObject({ scrub: z.strictObject({ errors: count, warnings: count }) }),
  },
  'create:claim_override': {
    about: 'a biller overrode a scrubber warning on a claim, with a reason',
    details: z.strictObject({ claimId: z.guid(), rule: z.string(), reason: z.string() }),
  },
  'create:claim_batch': {
    about: 'an 837P batch was built from ready claims (a row per patient in it)',
    details: z.strictObject({ batchId: z.guid(), interchangeControlNumber: z.number().int(), claims: count }),
  },
  'read:claim_batch': {
    about: "an 837P batch's X12 text was downloaded (a row per patient in it)",
    details: z.strictObject({ batchId: z.guid(), claims: count }),
  },
});
