/**
 * The patient record's public contract (field names are fixed: clients and
 * imports depend on them) and the input rules behind every 400.
 */
import { z } from 'zod';
import { text, textCheck } from '../shared/text.ts';
import { phoneSchema, stateSchema, zipSchema } from '../shared/validation.ts';

/** A calendar day 'YYYY-MM-DD' that exists (no 2023-02-30). */
export const dayDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'use YYYY-MM-DD')
  .refine((v) => {
    const d = new Date(`${v}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
  }, 'not a real calendar date');

export const birthDateSchema = dayDateSchema.refine((v) => v >= '1880-01-01', 'birth date before 1880');

/** Names and short texts: one line, no control characters (shared/text.ts). */
const name = (max = 100) => text({ max });
const optionalText = (max = 100) =>
  z
    .string()
    .trim()
    .max(max)
    .check(textCheck())
    .nullish()
    .transform((v) => (v ? v : null));

export const addressSchema = z.strictObject({
  line1: name(200),
  line2: optionalText(200),
  city: name(100),
  state: stateSchema,
  postalCode: zipSchema,
});
export type Address = z.infer<typeof addressSchema>;

export const PHONE_TYPES = ['mobile', 'home', 'work', 'other'] as const;
export const phoneEntrySchema = z.strictObject({ type: z.enum(PHONE_TYPES), number: phoneSchema });

export const emergencyContactSchema = z.strictObject({
  name: name(200),
  relationship: optionalText(60),
  phone: phoneSchema,
});

export const guarantorInputSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('self') }),
  z.strictObject({ kind: z.literal('patient'), patientId: z.string().uuid() }),
  z.strictObject({
    kind: z.literal('person'),
    givenName: name(),
    familyName: name(),
    birthDate: birthDateSchema.nullish().transform((v) => v ?? null),
    relationship: optionalText(60),
    phone: phoneSchema.nullish().transform((v) => v ?? null),
    address: addressSchema.nullish().transform((v) => v ?? null),
  }),
]);
export type GuarantorInput = z.infer<typeof guarantorInputSchema>;

export const SEXES = ['female', 'male', 'unknown'] as const;
export const CONTACT_METHODS = ['phone', 'sms', 'email', 'mail', 'portal'] as const;
export const EDITABLE_STATUSES = ['active', 'inactive', 'deceased'] as const;

/** Every demographic field a registration or an edit may set. */
const demographics = {
  givenName: name(),
  middleName: optionalText(),
  familyName: name(),
  suffix: optionalText(20),
  preferredName: optionalText(),
  birthDate: birthDateSchema,
  sex: z.enum(SEXES).default('unknown'),
  genderIdentity: optionalText(),
  pronouns: optionalText(40),
  preferredLanguage: optionalText(40),
  interpreterNeeded: z.boolean().default(false),
  phones: z.array(phoneEntrySchema).max(6).default([]),
  email: z
    .string()
    .trim()
    .toLowerCase()
    .email('not an email address')
    .max(254)
    .nullish()
    .transform((v) => v ?? null),
  address: addressSchema.nullish().transform((v) => v ?? null),
  preferredContactMethod: z
    .enum(CONTACT_METHODS)
    .nullish()
    .transform((v) => v ?? null),
  consentEmailReminders: z.boolean().default(false),
  consentSmsReminders: z.boolean().default(false),
  emergencyContacts: z.array(emergencyContactSchema).max(5).default([]),
  guarantor: guarantorInputSchema.default({ kind: 'self' }),
  primaryProviderId: z
    .string()
    .uuid()
    .nullish()
    .transform((v) => v ?? null),
  preferredLocationId: z
    .string()
    .uuid()
    .nullish()
    .transform((v) => v ?? null),
  status: z.enum(EDITABLE_STATUSES).default('active'),
  deceasedDate: dayDateSchema.nullish().transform((v) => v ?? null),
  restricted: z.boolean().default(false),
  alerts: z.array(name(200)).max(20).default([]),
};

export const patientInputSchema = z.strictObject({
  ...demographics,
  /** The clerk looked at the possible duplicates and registers anyway (audited). */
  confirmNotDuplicate: z.boolean().default(false),
});
export type PatientInput = z.input<typeof patientInputSchema>;
export type PatientData = z.infer<typeof patientInputSchema>;

/** PATCH: any subset; a field sent as null clears it. */
export const patientPatchSchema = z.strictObject({
  givenName: demographics.givenName.optional(),
  middleName: demographics.middleName.optional(),
  familyName: demographics.familyName.optional(),
  suffix: demographics.suffix.optional(),
  preferredName: demographics.preferredName.optional(),
  birthDate: birthDateSchema.optional(),
  sex: z.enum(SEXES).optional(),
  genderIdentity: demographics.genderIdentity.optional(),
  pronouns: demographics.pronouns.optional(),
  preferredLanguage: demographics.preferredLanguage.optional(),
  interpreterNeeded: z.boolean().optional(),
  phones: z.array(phoneEntrySchema).max(6).optional(),
  email: demographics.email.optional(),
  address: demographics.address.optional(),
  preferredContactMethod: demographics.preferredContactMethod.optional(),
  consentEmailReminders: z.boolean().optional(),
  consentSmsReminders: z.boolean().optional(),
  emergencyContacts: z.array(emergencyContactSchema).max(5).optional(),
  guarantor: guarantorInputSchema.optional(),
  primaryProviderId: demographics.primaryProviderId.optional(),
  preferredLocationId: demographics.preferredLocationId.optional(),
  status: z.enum(EDITABLE_STATUSES).optional(),
  deceasedDate: demographics.deceasedDate.optional(),
  restricted: z.boolean().optional(),
  alerts: z.array(name(200)).max(20).optional(),
});
export type PatientPatch = z.infer<typeof patientPatchSchema>;

const addressOut = z.object({
  line1: z.string(),
  line2: z.string().nullable(),
  city: z.string(),
  state: z.string(),
  postalCode: z.string(),
});

export const guarantorSchema = z.union([
  z.object({ kind: z.literal('self') }),
  z.object({ kind: z.literal('patient'), patientId: z.string().uuid() }),
  z.object({
    kind: z.literal('person'),
    givenName: z.string(),
    familyName: z.string(),
    birthDate: z.string().nullable(),
    relationship: z.string().nullable(),
    phone: z.string().nullable(),
    address: addressOut.nullable(),
  }),
]);
export type Guarantor = z.infer<typeof guarantorSchema>;

export const patientSchema = z.object({
  id: z.string().uuid(),
  mrn: z.string(),
  givenName: z.string(),
  middleName: z.string().nullable(),
  familyName: z.string(),
  suffix: z.string().nullable(),
  preferredName: z.string().nullable(),
  birthDate: z.string(),
  sex: z.enum(SEXES),
  genderIdentity: z.string().nullable(),
  pronouns: z.string().nullable(),
  preferredLanguage: z.string().nullable(),
  interpreterNeeded: z.boolean(),
  phones: z.array(z.object({ type: z.string(), number: z.string() })),
  email: z.string().nullable(),
  address: addressOut.nullable(),
  preferredContactMethod: z.enum(CONTACT_METHODS).nullable(),
  consentEmailReminders: z.boolean(),
  consentSmsReminders: z.boolean(),
  emergencyContacts: z.array(z.object({ name: z.string(), relationship: z.string().nullable(), phone: z.string() })),
  guarantor: guarantorSchema,
  primaryProviderId: z.string().uuid().nullable(),
  preferredLocationId: z.string().uuid().nullable(),
  status: z.enum(['active', 'inactive', 'deceased', 'merged']),
  deceasedDate: z.string().nullable(),
  restricted: z.boolean(),
  alerts: z.array(z.string()),
  /** Set on a merged tombstone: the record that now holds everything. */
  mergedIntoId: z.string().uuid().nullable(),
  externalId: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Patient = z.infer<typeof patientSchema>;

/** One row of a search answer: enough to pick the right person. */
export const patientSummarySchema = z.object({
  id: z.string().uuid(),
  mrn: z.string(),
  givenName: z.string(),
  middleName: z.string().nullable(),
  familyName: z.string(),
  preferredName: z.string().nullable(),
  birthDate: z.string(),
  sex: z.enum(SEXES),
  phones: z.array(z.object({ type: z.string(), number: z.string() })),
  status: z.enum(['active', 'inactive', 'deceased', 'merged']),
  restricted: z.boolean(),
  /**
   * A restricted record this user may not open yet, shown only to users who may break the
   * glass: name, birth date and MRN to recognise the person, nothing else (no phones, no
   * preferred or middle name). Opening it is the break-glass prompt.
   */
  locked: z.boolean(),
  /** Higher is a better match; results come in this order. */
  score: z.number(),
});
export type PatientSummary = z.infer<typeof patientSummarySchema>;

export const duplicateCandidateSchema = z.object({
  id: z.string().uuid(),
  mrn: z.string(),
  givenName: z.string(),
  familyName: z.string(),
  birthDate: z.string(),
});
export type DuplicateCandidate = z.infer<typeof duplicateCandidateSchema>;

export const mergeInputSchema = z.strictObject({ survivorId: z.string().uuid(), mergedId: z.string().uuid() });
export type MergeInput = z.infer<typeof mergeInputSchema>;

/** PUT care team: the explicit members (the primary provider's linked users are members anyway). */
export const careTeamInputSchema = z.strictObject({
  userIds: z.array(z.string().uuid()).max(50),
});
export type CareTeamInput = z.infer<typeof careTeamInputSchema>;

export const careTeamMemberSchema = z.object({
  userId: z.string().uuid(),
  displayName: z.string(),
  active: z.boolean(),
  /** Listed in the care team (PUT sets these). */
  explicit: z.boolean(),
  /** Linked to the patient's primary provider: on the team while that stays so. */
  viaPrimaryProvider: z.boolean(),
});
export type CareTeamMember = z.infer<typeof careTeamMemberSchema>;
