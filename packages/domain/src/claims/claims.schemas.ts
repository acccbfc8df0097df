import { z } from 'zod';
import { CLAIM_STATUSES } from './claim-states.ts';

const uuid = z.string().uuid();

const address = z.object({
  line1: z.string(),
  line2: z.string().nullable(),
  city: z.string(),
  state: z.string(),
  postalCode: z.string(),
});
const person = z.object({
  givenName: z.string(),
  familyName: z.string(),
  birthDate: z.string().nullable(),
  sex: z.enum(['female', 'male', 'unknown']),
  address: address.nullable(),
  /** E.164; absent from claims built before it was kept. */
  phone: z.string().nullable().optional(),
});

export const scrubMessageSchema = z.object({
  rule: z.string(),
  message: z.string(),
  field: z.string(),
  overridden: z.boolean().optional(),
});
export const scrubResultSchema = z.object({ errors: z.array(scrubMessageSchema), warnings: z.array(scrubMessageSchema) });
export type ScrubAnswer = z.infer<typeof scrubResultSchema>;

export const claimLineSchema = z.object({
  lineNumber: z.number().int(),
  chargeId: uuid,
  procedureCode: z.string(),
  modifiers: z.array(z.string()),
  units: z.number().int(),
  chargeCents: z.number().int(),
  diagnosisPointers: z.array(z.number().int()),
});

const adjustmentSchema = z.object({ group: z.string(), reasonCode: z.string(), amountCents: z.number().int() });
const otherPayerSchema = z.object({
  claimId: uuid,
  patientControlNumber: z.string(),
  payerClaimControlNumber: z.string().nullable(),
  responsibility: z.enum(['P', 'S', 'T']),
  payer: z.object({ name: z.string(), ediPayerId: z.string().nullable() }),
  subscriber: z.object({
    givenName: z.string(),
    familyName: z.string(),
    memberId: z.string(),
    groupNumber: z.string().nullable(),
    relationship: z.string(),
  }),
  paidCents: z.number().int(),
  patientResponsibilityCents: z.number().int(),
  adjudicationDate: z.string(),
  adjustments: z.array(adjustmentSchema),
  lines: z.array(
    z.object({
      lineNumber: z.number().int(),
      paidCents: z.number().int(),
      adjustments: z.array(adjustmentSchema),
      remarkCodes: z.array(z.string()),
    }),
  ),
});

/** A claim as lists show it. */
export const claimSummarySchema = z.object({
  id: uuid,
  status: z.enum(CLAIM_STATUSES),
  patientControlNumber: z.string(),
  patientId: uuid,
  patientName: z.string(),
  encounterId: uuid,
  coverageId: uuid,
  payerId: uuid,
  payerName: z.string(),
  /** SBR09 as the claim was built with it (the payer's claim filing indicator). */
  claimFilingIndicator: z.string(),
  dateOfService: z.string(),
  totalChargeCents: z.number().int(),
  batchId: uuid.nullable(),
  /** The reason of the latest timeline entry (why it was rejected or denied, for the work queues). */
  statusReason: z.string().nullable(),
  createdAt: z.string(),
  version: z.number().int(),
});
export type ClaimSummary = z.infer<typeof claimSummarySchema>;

export const claimEventSchema = z.object({
  at: z.string(),
  userId: uuid.nullable(),
  userName: z.string().nullable(),
  from: z.enum(CLAIM_STATUSES).nullable(),
  to: z.enum(CLAIM_STATUSES),
  reason: z.string(),
});

export const claimOverrideSchema = z.object({
  rule: z.string(),
  reason: z.string(),
  userId: uuid.nullable(),
  at: z.string(),
});

/** One claim with what it bills, its timeline, its latest scrub and (until remittances post) zero paid. */
export const claimSchema = claimSummarySchema.extend({
  frequencyCode: z.string(),
  placeOfService: z.string(),
  priorAuthorization: z.string().nullable(),
  diagnoses: z.array(z.string()),
  lines: z.array(claimLineSchema),
  billingProvider: z.object({
    name: z.string(),
    npi: z.string().nullable(),
    tin: z.string().nullable(),
    address: address.nullable(),
    phone: z.string().nullable().optional(),
  }),
  renderingProvider: z.object({
    givenName: z.string(),
    familyName: z.string(),
    npi: z.string().nullable(),
    taxonomy: z.string().nullable(),
  }),
  referringProvider: z.object({ givenName: z.string(), familyName: z.string(), npi: z.string() }).nullable(),
  serviceFacility: z.object({ name: z.string(), address: address.nullable(), npi: z.string().nullable().optional() }),
  subscriber: person.extend({ memberId: z.string(), groupNumber: z.string().nullable(), relationship: z.string() }),
  patient: person,
  scrub: scrubResultSchema.extend({ at: z.string() }).nullable(),
  overrides: z.array(claimOverrideSchema),
  timeline: z.array(claimEventSchema),
  /** What posted remittances paid (reversals included), the patient's share and when it was paid. */
  paidCents: z.number().int(),
  patientResponsibilityCents: z.number().int(),
  paidDate: z.string().nullable(),
  /** Every posted CAS adjustment, claim level (lineNumber null) and line level. */
  adjustments: z.array(
    z.object({
      group: z.string(),
      reasonCode: z.string(),
      amountCents: z.number().int(),
      lineNumber: z.number().int().nullable(),
      /** The office's imported text for the CARC, else the built-in short text, else null. */
      reasonText: z.string().nullable(),
    }),
  ),
  /** Per billed line: what was paid, its adjustments and remark codes (RARC) with their texts. */
  lineAdjudication: z.array(
    z.object({
      lineNumber: z.number().int(),
      paidCents: z.number().int(),
      adjustments: z.array(adjustmentSchema.extend({ reasonText: z.string().nullable() })),
      remarkCodes: z.array(z.string()),
      remarks: z.array(z.object({ code: z.string(), text: z.string().nullable() })),
    }),
  ),

  /** The coverage's place for this visit when the claim was built (a secondary claim carries the payers before it). */
  coveragePriority: z.string(),
  /** Frequency 7/8: the claim this one replaces or voids, and the payer's number of it (REF*F8). */
  replacesClaimId: uuid.nullable(),
  payerClaimControlNumber: z.string().nullable(),
  /** The replacement or void that corrects this claim, newest first. */
  corrections: z.array(z.object({ id: uuid, patientControlNumber: z.string(), frequencyCode: z.string(), status: z.enum(CLAIM_STATUSES) })),
  /** The earlier payers' adjudication frozen into a secondary or tertiary claim (loops 2320/2430). */
  otherPayers: z.array(otherPayerSchema),
  writeOff: z.object({ amountCents: z.number().int(), reason: z.string(), userId: uuid.nullable(), at: z.string() }).nullable(),
});
export type Claim = z.infer<typeof claimSchema>;

export const claimInputSchema = z.strictObject({
  encounterId: uuid,
  /** Omitted: the patient's primary coverage in force on the date of service. */
  coverageId: uuid.optional(),
  priorAuthorization: z.string().trim().min(1).max(50).optional(),
  /** The referring provider (2310A), when the payer needs one. */
  referringProvider: z
    .strictObject({
      givenName: z.string().trim().min(1).max(60),
      familyName: z.string().trim().min(1).max(60),
      npi: z.string().regex(/^\d{10}$/, 'Enter the 10 digits of the NPI.'),
    })
    .optional(),
});
export type ClaimInput = z.infer<typeof claimInputSchema>;

export const claimQuerySchema = z.strictObject({
  status: z.enum(CLAIM_STATUSES).optional(),
  payerId: uuid.optional(),
  patientId: uuid.optional(),
  /** Our claim number (CLM01), any case: the one claim with it. */
  patientControlNumber: z.string().trim().toUpperCase().max(20).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});
export type ClaimQuery = z.infer<typeof claimQuerySchema>;

export const claimOverrideInputSchema = z.strictObject({
  rule: z.string().trim().min(2).max(40),
  reason: z.string().trim().min(1).max(500),
});
export type ClaimOverrideInput = z.infer<typeof claimOverrideInputSchema>;

export const claimCandidateSchema = z.object({
  encounterId: uuid,
  patientId: uuid,
  patientName: z.string(),
  dateOfService: z.string(),
  totalCents: z.number().int(),
  lines: z.number().int(),
});
export type ClaimCandidate = z.infer<typeof claimCandidateSchema>;

/** Up to 10,000 claims a batch (migration 0170): one interchange, a transaction set per 5,000. */
export const claimBatchInputSchema = z.strictObject({ claimIds: z.array(uuid).min(1).max(10_000) });
export type ClaimBatchInput = z.infer<typeof claimBatchInputSchema>;

export const claimBatchSchema = z.object({
  id: uuid,
  claimCount: z.number().int(),
  totalChargeCents: z.number().int(),
  interchangeControlNumber: z.number().int(),
  groupControlNumber: z.number().int(),
  usageIndicator: z.enum(['T', 'P']),
  sha256: z.string(),
  outboxPath: z.string().nullable(),
  outboxError: z.string().nullable(),
  /** The clearinghouse SFTP upload (null: none configured when the batch was built). */
  upload: z
    .object({
      state: z.enum(['queued', 'uploaded', 'failed']),
      uploadedAt: z.string().nullable(),
      remoteName: z.string().nullable(),
      error: z.string().nullable(),
    })
    .nullable(),
  createdAt: z.string(),
});
export type ClaimBatch = z.infer<typeof claimBatchSchema>;

export const claimBatchQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});
export type ClaimBatchQuery = z.infer<typeof claimBatchQuerySchema>;

const payerClaimControlNumber = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9-]{1,50}$/, "Enter the payer's claim number as on the remittance (letters, digits and dashes).");

export const claimReplaceInputSchema = z.strictObject({
  reason: z.string().trim().min(1).max(400),
  /** REF*F8; required when no remittance gave the payer's claim number. */
  payerClaimControlNumber: payerClaimControlNumber.optional(),
});
export type ClaimReplaceInput = z.infer<typeof claimReplaceInputSchema>;

export const claimWriteOffInputSchema = z.strictObject({
  reason: z.string().trim().min(1).max(400),
  /** Default: what neither the payer paid nor the patient owes (total charge − paid − patient responsibility). */
  amountCents: z.number().int().min(1).max(9_999_999_999).optional(),
});
export type ClaimWriteOffInput = z.infer<typeof claimWriteOffInputSchema>;

export const appealLetterQuerySchema = z.strictObject({
  /** The biller's own paragraph (why the payer should pay), printed as typed after the denied lines. */
  paragraph: z.string().trim().max(3000).optional(),
});
export type AppealLetterQuery = z.infer<typeof appealLetterQuerySchema>;
