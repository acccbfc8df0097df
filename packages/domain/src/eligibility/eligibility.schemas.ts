import { z } from 'zod';

export const eligibilityRequestInputSchema = z.strictObject({
  /** The date of service asked about (DTP*291); default today. */
  serviceDate: z.iso.date().optional(),
});
export type EligibilityRequestInput = z.infer<typeof eligibilityRequestInputSchema>;

export const eligibilityRequestSchema = z.object({
  id: z.string().uuid(),
  coverageId: z.string().uuid(),
  traceNumber: z.string(),
  interchangeControlNumber: z.number().int(),
  serviceDate: z.string(),
  createdAt: z.string(),
  /** The 270 (X12 5010, 005010X279A1) to send to the payer or clearinghouse. */
  x12: z.string(),
});
export type EligibilityRequest = z.infer<typeof eligibilityRequestSchema>;

export const eligibilityResultSchema = z.object({
  id: z.string().uuid(),
  requestId: z.string().uuid(),
  coverageId: z.string().uuid(),
  traceNumber: z.string(),
  status: z.enum(['active', 'inactive', 'unknown', 'rejected']),
  planName: z.string().nullable(),
  copayCents: z.number().int().nullable(),
  /** 2000 = 20 %. */
  coinsuranceBasisPoints: z.number().int().nullable(),
  deductibleCents: z.number().int().nullable(),
  deductibleRemainingCents: z.number().int().nullable(),
  outOfPocketCents: z.number().int().nullable(),
  outOfPocketRemainingCents: z.number().int().nullable(),
  rejectionReasons: z.array(z.string()),
  /** The day the answer was imported. */
  checkedOn: z.string(),
  importedAt: z.string(),
});
export type EligibilityResult = z.infer<typeof eligibilityResultSchema>;

export const eligibilityImportSchema = z.object({
  /** One per 271 transaction set in the file. */
  results: z.array(eligibilityResultSchema.extend({ alreadyImported: z.boolean() })),
});

export const coverageEligibilitySchema = z.object({
  latest: eligibilityResultSchema.nullable(),
  /** The newest inquiry built for the coverage (answered or not). */
  lastRequest: eligibilityRequestSchema.omit({ x12: true }).nullable(),
});
export type CoverageEligibility = z.infer<typeof coverageEligibilitySchema>;
