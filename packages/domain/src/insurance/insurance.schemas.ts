import { z } from 'zod';
import { addressSchema, birthDateSchema, dayDateSchema } from '../patients/index.ts';
import { patchSchemaOf } from '../shared/patch-schema.ts';
import { phoneSchema } from '../shared/validation.ts';

const addressOut = z.object({
  line1: z.string(),
  line2: z.string().nullable(),
  city: z.string(),
  state: z.string(),
  postalCode: z.string(),
});

/**
 * Claim filing indicator codes (X12 element 1032, the 837P's SBR09): what kind of insurance a
 * claim to this payer is, with the words the payer form shows.
 */
export const CLAIM_FILING_INDICATORS = {
  CI: 'Commercial insurance',
  MB: 'Medicare Part B',
  MA: 'Medicare Part A',
  MC: 'Medicaid',
  BL: 'Blue Cross / Blue Shield',
  HM: 'HMO',
  '16': 'HMO Medicare risk',
  '12': 'PPO',
  '13': 'Point of service (POS)',
  '14': 'Exclusive provider organization (EPO)',
  '15': 'Indemnity insurance',
  '11': 'Other non-federal program',
  '17': 'Dental maintenance organization',
  CH: 'TRICARE (CHAMPUS)',
  VA: 'Veterans Affairs plan',
  FI: 'Federal Employees Program',
  OF: 'Other federal program',
  TV: 'Title V',
  WC: "Workers' compensation",
  AM: 'Automobile medical',
  LM: 'Liability medical',
  DS: 'Disability',
  ZZ: 'Mutually defined',
} as const;
export type ClaimFilingIndicator = keyof typeof CLAIM_FILING_INDICATORS;
const claimFilingIndicatorSchema = z.enum(Object.keys(CLAIM_FILING_INDICATORS) as [ClaimFilingIndicator, ...ClaimFilingIndicator[]]);

export const payerInputSchema = z.strictObject({
  name: z.string().trim().min(1).max(200),
  ediPayerId: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9]{2,10}$/, 'Enter the EDI payer id: 2 to 10 letters or digits, such as 60054.')
    .nullish()
    .transform((v) => v ?? null),
  address: addressSchema.nullish().transform((v) => v ?? null),
  phone: phoneSchema.nullish().transform((v) => v ?? null),
  claimType: z.literal('professional').default('professional'),
  timelyFilingDays: z.number().int().min(1).max(3650).default(365),
  /** SBR09 of its claims (CLAIM_FILING_INDICATORS), commercial unless said. */
  claimFilingIndicator: claimFilingIndicatorSchema.default('CI'),
});
export type PayerInput = z.infer<typeof payerInputSchema>;

/** PATCH a payer: any subset (no defaults); `active: false` takes it off the list offered for new coverages. */
export const payerPatchSchema = patchSchemaOf(payerInputSchema.extend({ active: z.boolean() }));
export type PayerPatch = z.infer<typeof payerPatchSchema>;

/** Said when the subscriber and the relationship disagree (schema and merged PATCH alike). */
export const SELF_RELATIONSHIP_MESSAGE = 'Choose "18 self" exactly when the patient is the subscriber, another relationship otherwise.';
export const TERMINATION_MESSAGE = 'The termination date is before the effective date.';

export const payerSchema = z.object({
  id: z.string().uuid(),
  name: z.string(),
  ediPayerId: z.string().nullable(),
  address: addressOut.nullable(),
  phone: z.string().nullable(),
  claimType: z.literal('professional'),
  timelyFilingDays: z.number().int(),
  claimFilingIndicator: claimFilingIndicatorSchema,
  active: z.boolean(),
  version: z.number().int(),
});
export type Payer = z.infer<typeof payerSchema>;

/** X12 individual relationship codes (subscriber to patient). */
export const RELATIONSHIP_CODES = {
  '18': 'self',
  '01': 'spouse',
  '19': 'child',
  '20': 'employee',
  '21': 'unknown',
  '39': 'organ donor',
  '40': 'cadaver donor',
  '53': 'life partner',
  G8: 'other relationship',
} as const;
export const relationshipSchema = z.enum(
  Object.keys(RELATIONSHIP_CODES) as [keyof typeof RELATIONSHIP_CODES, ...(keyof typeof RELATIONSHIP_CODES)[]],
  {
    message: 'Choose the relationship: 18 (self), 01 (spouse), 19 (child), 20 (employee), 53 (life partner), G8 (other) or 21 (unknown).',
  },
);

const cents = z.number().int().min(0).max(10_000_000);
export const copaysSchema = z.strictObject({
  office: cents.optional(),
  specialist: cents.optional(),
  urgentCare: cents.optional(),
  emergency: cents.optional(),
  telehealth: cents.optional(),
});

export const subscriberSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('self') }),
  z.strictObject({
    kind: z.literal('person'),
    givenName: z.string().trim().min(1).max(100),
    familyName: z.string().trim().min(1).max(100),
    birthDate: birthDateSchema,
    sex: z.enum(['female', 'male', 'unknown']),
    address: addressSchema.nullish().transform((v) => v ?? null),
  }),
]);

export const PRIORITIES = ['primary', 'secondary', 'tertiary'] as const;

export const coverageInputSchema = z
  .strictObject({
    payerId: z.string().uuid(),
    planName: z
      .string()
      .trim()
      .max(200)
      .nullish()
      .transform((v) => v || null),
    memberId: z.string().trim().min(1).max(80),
    groupNumber: z
      .string()
      .trim()
      .max(80)
      .nullish()
      .transform((v) => v || null),
    subscriber: subscriberSchema.default({ kind: 'self' }),
    relationship: relationshipSchema.default('18'),
    priority: z.enum(PRIORITIES),
    effectiveDate: dayDateSchema,
    terminationDate: dayDateSchema.nullish().transform((v) => v ?? null),
    copays: copaysSchema.default({}),
  })
  .superRefine((c, ctx) => {
    if ((c.subscriber.kind === 'self') !== (c.relationship === '18')) {
      ctx.addIssue({
        code: 'custom',
        path: ['relationship'],
        message: SELF_RELATIONSHIP_MESSAGE,
      });
    }
    if (c.terminationDate && c.terminationDate < c.effectiveDate) {
      ctx.addIssue({ code: 'custom', path: ['terminationDate'], message: TERMINATION_MESSAGE });
    }
  });
export type CoverageInput = z.infer<typeof coverageInputSchema>;

/** PATCH a coverage: any subset, no defaults; the cross-field rules are checked on the merged result. */
export const coveragePatchSchema = patchSchemaOf(coverageInputSchema);
export type CoveragePatch = z.infer<typeof coveragePatchSchema>;

export const coverageSchema = z.object({
  id: z.string().uuid(),
  patientId: z.string().uuid(),
  payerId: z.string().uuid(),
  payerName: z.string(),
  planName: z.string().nullable(),
  memberId: z.string(),
  groupNumber: z.string().nullable(),
  subscriber: z.union([
    z.object({ kind: z.literal('self') }),
    z.object({
      kind: z.literal('person'),
      givenName: z.string(),
      familyName: z.string(),
      birthDate: z.string(),
      sex: z.enum(['female', 'male', 'unknown']),
      address: addressOut.nullable(),
    }),
  ]),
  relationship: z.string(),
  priority: z.enum(PRIORITIES),
  effectiveDate: z.string(),
  terminationDate: z.string().nullable(),
  copays: z.object({
    office: z.number().int().optional(),
    specialist: z.number().int().optional(),
    urgentCare: z.number().int().optional(),
    emergency: z.number().int().optional(),
    telehealth: z.number().int().optional(),
  }),
  active: z.boolean(),
  version: z.number().int(),
});
export type Coverage = z.infer<typeof coverageSchema>;
