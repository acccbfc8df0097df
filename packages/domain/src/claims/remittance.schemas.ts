import { z } from 'zod';
import { CLAIM_STATUSES } from './claim-states.ts';

const uuid = z.string().uuid();
const cents = z.number().int();
const page = {
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
};

export const casSchema = z.object({ group: z.string(), reasonCode: z.string(), amountCents: cents });

export const providerAdjustmentSchema = z.object({ reasonCode: z.string(), reference: z.string().nullable(), amountCents: cents });

export const remittancePaymentSchema = z.object({
  id: uuid,
  traceNumber: z.string(),
  payerName: z.string(),
  payerIdentifier: z.string().nullable(),
  /** BPR02 signed by BPR03. */
  paymentCents: cents,
  paymentDate: z.string().nullable(),
  method: z.string(),
  /** PLB: positive reduces the payment (recoupment), negative adds to it (interest). */
  providerAdjustments: z.array(providerAdjustmentSchema),
});

export const remittanceClaimOutcomeSchema = z.object({
  outcome: z.enum(['posted', 'already_posted', 'unmatched']),
  claimId: uuid.nullable(),
  patientControlNumber: z.string(),
  statusCode: z.string().nullable(),
  paidCents: cents.nullable(),
  patientResponsibilityCents: cents.nullable(),
  reason: z.string().nullable(),
});

/** An imported 835 file. */
export const remittanceSummarySchema = z.object({
  id: uuid,
  sha256: z.string(),
  transactions: z.number().int(),
  /** Σ BPR02 of the file, signed by BPR03. */
  paymentCents: cents,
  claimsPosted: z.number().int(),
  claimsAlreadyPosted: z.number().int(),
  claimsUnmatched: z.number().int(),
  createdAt: z.string(),
});

export const remittanceImportSchema = remittanceSummarySchema.extend({
  /** Σ paid of the claims this import posted. */
  postedCents: cents,
  payments: z.array(remittancePaymentSchema),
  claims: z.array(remittanceClaimOutcomeSchema),
});
export type RemittanceImport = z.infer<typeof remittanceImportSchema>;
export type RemittanceSummary = z.infer<typeof remittanceSummarySchema>;

export const remittanceQuerySchema = z.strictObject(page);
export type RemittanceQuery = z.infer<typeof remittanceQuerySchema>;

export const unmatchedSchema = z.object({
  id: uuid,
  remittanceId: uuid,
  traceNumber: z.string(),
  payerName: z.string(),
  patientControlNumber: z.string(),
  statusCode: z.string(),
  chargeCents: cents,
  paidCents: cents,
  patientName: z.string().nullable(),
  reason: z.string(),
  status: z.enum(['open', 'matched', 'dismissed']),
  claimId: uuid.nullable(),
  resolution: z.string().nullable(),
  createdAt: z.string(),
});
export type Unmatched = z.infer<typeof unmatchedSchema>;

export const unmatchedQuerySchema = z.strictObject({ ...page, status: z.enum(['open', 'matched', 'dismissed']).default('open') });
export type UnmatchedQuery = z.infer<typeof unmatchedQuerySchema>;

export const resolveUnmatchedInputSchema = z.union([
  z.strictObject({ action: z.literal('match'), claimId: uuid }),
  z.strictObject({ action: z.literal('dismiss'), reason: z.string().trim().min(1).max(500) }),
]);
export type ResolveUnmatchedInput = z.infer<typeof resolveUnmatchedInputSchema>;

export const acknowledgementSchema = z.object({
  id: uuid,
  kind: z.enum(['999', '277CA']),
  sha256: z.string(),
  claimsAccepted: z.number().int(),
  claimsRejected: z.number().int(),
  claimsUnmatched: z.number().int(),
  /** True when this exact file had been imported before: nothing changed. */
  alreadyImported: z.boolean(),
  results: z.array(
    z.object({
      claimId: uuid.optional(),
      patientControlNumber: z.string().optional(),
      controlNumber: z.string().optional(),
      outcome: z.enum(['accepted', 'rejected', 'unmatched', 'unchanged']),
      reason: z.string(),
    }),
  ),
  createdAt: z.string(),
});
export type Acknowledgement = z.infer<typeof acknowledgementSchema>;

export const denialSchema = z.object({
  claimId: uuid,
  lineNumber: z.number().int().nullable(),
  procedureCode: z.string().nullable(),
  reasonCode: z.string(),
  group: z.string(),
  amountCents: cents,
  /** The office's imported text for the CARC, else the built-in short text, else null. */
  reasonText: z.string().nullable(),
  remarkCodes: z.array(z.string()),
  /** The remark codes (RARC) with their text (the office's, else built-in, else null). */
  remarks: z.array(z.object({ code: z.string(), text: z.string().nullable() })),
  payerId: uuid,
  payerName: z.string(),
  patientControlNumber: z.string(),
  patientName: z.string(),
  claimStatus: z.enum(CLAIM_STATUSES),
  dateOfService: z.string(),
  deniedOn: z.string(),
  ageDays: z.number().int(),
  traceNumber: z.string(),
});
export type Denial = z.infer<typeof denialSchema>;

export const denialQuerySchema = z.strictObject({
  ...page,
  reasonCode: z
    .string()
    .regex(/^[A-Z0-9]{1,5}$/)
    .optional(),
  payerId: uuid.optional(),
  olderThanDays: z.coerce.number().int().min(0).max(3650).optional(),
});
export type DenialQuery = z.infer<typeof denialQuerySchema>;
