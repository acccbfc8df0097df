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
  'create:claim_correction': {
    about: 'a claim the payer has was corrected: a replacement (frequency 7) or void (8) built as a draft, the original closed',
    details: z.strictObject({
      claimId: z.guid(),
      correctionId: z.guid(),
      frequencyCode: z.enum(['7', '8']),
      payerClaimControlNumber: z.string(),
      reason: z.string(),
    }),
  },
  'create:claim_write_off': {
    about: 'what was left of a claim was written off (not collected from the payer), with the reason; the claim closed',
    details: z.strictObject({ claimId: z.guid(), amountCents: cents, reason: z.string() }),
  },
  'print:appeal_letter': {
    about: "an appeal letter for a claim's denied lines was printed",
    details: z.strictObject({ claimId: z.guid(), deniedLines: count }),
  },
  'create:remittance': {
    about:
      "an 835 payment posted to claims (a row per patient; `claims` counts the payment's claims posted by the import; resourceId is the file's id)",
    details: z.strictObject({ fileId: z.guid(), traceNumber: z.string(), claims: count }),
  },
  'update:claim_acknowledgement': {
    about: "a 999 or 277CA acknowledgement moved claims (a row per patient; resourceId is the file's id)",
    details: z.strictObject({ acknowledgementId: z.guid(), kind: z.enum(['999', '277CA']), claims: count }),
  },
  'update:remittance_unmatched': {
    about: 'a remittance claim of the reconciliation queue was matched to a claim (then posted) or dismissed with a reason',
    details: z.strictObject({ unmatchedId: z.guid(), outcome: z.enum(['matched', 'dismissed']), reason: z.string() }),
  },
  'update:adjustment_reasons': {
    about:
      'the office imported adjustment reason texts (CARC, RARC, group codes) from CSV, with the counts (`codeSet`: the one given for a two-column file)',
    details: z.strictObject({ codeSet: z.enum(['CARC', 'RARC', 'GROUP']).nullable(), imported: count, updated: count }),
  },
  'delete:adjustment_reasons': {
    about: "the office's imported adjustment reason texts were cleared (`codeSet` null: every set); the built-in texts show again",
    details: z.strictObject({ codeSet: z.enum(['CARC', 'RARC', 'GROUP']).nullable(), deleted: count }),
  },
  'read:claim_batch': {
    about: "an 837P batch's X12 text was downloaded (a row per patient in it)",
    details: z.strictObject({ batchId: z.guid(), claims: count }),
  },
});
