/** The encounters module's request and answer shapes (zod): the issue's fixed API contract. */
import { z } from 'zod';
import { VITAL_RANGES } from './vitals.ts';

const section = z.string().max(20000);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const encounterStatusSchema = z.enum(['open', 'signed']);
export const noteFormatSchema = z.enum(['plain', 'markdown']);

export const createEncounterSchema = z.strictObject({
  patientId: z.string().uuid(),
  providerId: z.string().uuid(),
  locationId: z.string().uuid(),
  appointmentId: z.string().uuid().optional(),
});
export type CreateEncounterInput = z.infer<typeof createEncounterSchema>;

/** SOAP sections, stored exactly as typed (no trimming, no escaping: the view escapes). A PATCH may send some. */
export const noteInputSchema = z.strictObject({
  format: noteFormatSchema.optional(),
  subjective: section.optional(),
  objective: section.optional(),
  assessment: section.optional(),
  plan: section.optional(),
});

const range = (key: 'systolic' | 'diastolic' | 'heartRate' | 'respiratoryRate' | 'spo2') => {
  const r = VITAL_RANGES[key];
  return z.number().int().min(r.min, `must be at least ${r.min} ${r.unit}`).max(r.max, `must be at most ${r.max} ${r.unit}`);
};

/** A measured quantity in one of its units; the plausible range depends on the unit. */
const quantity = <U extends string>(units: readonly [U, ...U[]], ranges: Record<U, { min: number; max: number }>) =>
  z.strictObject({ value: z.number(), unit: z.enum(units) }).superRefine((q, ctx) => {
    const r = ranges[q.unit];
    if (r && (q.value < r.min || q.value > r.max)) {
      ctx.addIssue({ code: 'custom', path: ['value'], message: `must be between ${r.min} and ${r.max} ${q.unit}` });
    }
  });

/** Vitals in a PATCH: a field sent replaces it (null clears it), a field left out stays. */
export const vitalsInputSchema = z.strictObject({
  systolic: range('systolic').nullable().optional(),
  diastolic: range('diastolic').nullable().optional(),
  heartRate: range('heartRate').nullable().optional(),
  respiratoryRate: range('respiratoryRate').nullable().optional(),
  spo2: range('spo2').nullable().optional(),
  temperature: quantity(['F', 'C'], VITAL_RANGES.temperature).nullable().optional(),
  weight: quantity(['lb', 'kg'], VITAL_RANGES.weight).nullable().optional(),
  height: quantity(['in', 'cm'], VITAL_RANGES.height).nullable().optional(),
});
export type VitalsInput = z.infer<typeof vitalsInputSchema>;

export const diagnosisInputSchema = z.strictObject({ code: z.string().trim().min(1).max(10) });

export const procedureInputSchema = z.strictObject({
  code: z.string().trim().min(1).max(10),
  modifiers: z
    .array(z.string().regex(/^[0-9A-Za-z]{2}$/, 'must be two letters or digits'))
    .max(4)
    .default([]),
  units: z.number().int().min(1).max(999).default(1),
  /** 1-based positions in `diagnoses`, at most 4; signing needs at least one. */
  diagnosisPointers: z.array(z.number().int().min(1).max(12)).max(4).default([]),
});
export type ProcedureInput = z.infer<typeof procedureInputSchema>;

export const followUpSchema = z.strictObject({
  inDays: z.number().int().min(1).max(1830),
  appointmentTypeId: z.string().uuid().nullable().optional(),
  note: z.string().max(500).nullable().optional(),
});

export const encounterPatchSchema = z
  .strictObject({
    note: noteInputSchema.optional(),
    vitals: vitalsInputSchema.optional(),
    diagnoses: z.array(diagnosisInputSchema).max(12).optional(),
    procedures: z.array(procedureInputSchema).max(50).optional(),
    followUp: followUpSchema.nullable().optional(),
  })
  .refine((p) => Object.keys(p).length > 0, 'send at least one of note, vitals, diagnoses, procedures, followUp');
export type EncounterPatch = z.infer<typeof encounterPatchSchema>;

/** Re-authentication at signing: the user's password, or a code from their authenticator. */
export const signInputSchema = z.union([
  z.strictObject({ password: z.string().min(1).max(1000) }),
  z.strictObject({ totp: z.string().min(1).max(64) }),
]);
export type SignInput = z.infer<typeof signInputSchema>;

export const addendumInputSchema = z.strictObject({
  text: z
    .string()
    .max(20000)
    .refine((t) => t.trim().length > 0, 'must not be empty'),
});

const quantityOut = <U extends string>(units: readonly [U, ...U[]]) => z.object({ value: z.number(), unit: z.enum(units) }).nullable();

export const vitalsSchema = z.object({
  systolic: z.number().int().nullable(),
  diastolic: z.number().int().nullable(),
  heartRate: z.number().int().nullable(),
  respiratoryRate: z.number().int().nullable(),
  spo2: z.number().int().nullable(),
  temperature: quantityOut(['F', 'C']),
  weight: quantityOut(['lb', 'kg']),
  height: quantityOut(['in', 'cm']),
  /** kg/m², one decimal; null without both weight and height. */
  bmi: z.number().nullable(),
});
export type Vitals = z.infer<typeof vitalsSchema>;

export const addendumSchema = z.object({
  id: z.string().uuid(),
  text: z.string(),
  authorId: z.string().uuid(),
  authorName: z.string(),
  signedAt: z.string(),
});
export type Addendum = z.infer<typeof addendumSchema>;

export const encounterSchema = z.object({
  id: z.string().uuid(),
  status: encounterStatusSchema,
  patientId: z.string().uuid(),
  providerId: z.string().uuid(),
  providerName: z.string(),
  patientName: z.string(),
  locationId: z.string().uuid(),
  appointmentId: z.string().uuid().nullable(),
  /** The visit's appointment type (for the template picker); null ad hoc. */
  appointmentTypeId: z.string().uuid().nullable(),
  dateOfService: isoDate,
  note: z.object({ format: noteFormatSchema, subjective: z.string(), objective: z.string(), assessment: z.string(), plan: z.string() }),
  vitals: vitalsSchema,
  diagnoses: z.array(z.object({ code: z.string(), description: z.string() })),
  procedures: z.array(
    z.object({
      code: z.string(),
      description: z.string(),
      modifiers: z.array(z.string()),
      units: z.number().int(),
      diagnosisPointers: z.array(z.number().int()),
      feeCents: z.number().int().nullable().describe("the practice's default fee × units; null when the code is not on its list"),
    }),
  ),
  followUp: z.object({ inDays: z.number().int(), appointmentTypeId: z.string().uuid().nullable(), note: z.string().nullable() }).nullable(),
  signedAt: z.string().nullable(),
  signedBy: z.string().uuid().nullable(),
  signedByName: z.string().nullable(),
  cosignRequired: z.boolean(),
  cosignedAt: z.string().nullable(),
  cosignedBy: z.string().uuid().nullable(),
  cosignedByName: z.string().nullable(),
  /** The supervising provider who must co-sign (named at signing when cosignRequired). */
  supervisingProviderId: z.string().uuid().nullable(),
  supervisingProviderName: z.string().nullable(),
  addenda: z.array(addendumSchema),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type Encounter = z.infer<typeof encounterSchema>;

export const signatureSchema = z.object({
  status: z.literal('signed'),
  signedAt: z.string(),
  signedBy: z.string().uuid(),
  cosignRequired: z.boolean(),
  cosignedAt: z.string().nullable(),
  cosignedBy: z.string().uuid().nullable(),
  /** True once nothing more is needed (signed, and co-signed when required): encounter.signed was emitted. */
  complete: z.boolean(),
  version: z.number().int(),
});
export type Signature = z.infer<typeof signatureSchema>;

export const encounterSummarySchema = z.object({
  id: z.string().uuid(),
  status: encounterStatusSchema,
  patientId: z.string().uuid(),
  patientName: z.string(),
  providerId: z.string().uuid(),
  providerName: z.string(),
  locationId: z.string().uuid(),
  appointmentId: z.string().uuid().nullable(),
  dateOfService: isoDate,
  signedAt: z.string().nullable(),
  cosignRequired: z.boolean(),
  cosignedAt: z.string().nullable(),
  addendaCount: z.number().int(),
  /** The assessment's first line, for the timeline. */
  summary: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type EncounterSummary = z.infer<typeof encounterSummarySchema>;

export const encounterListQuerySchema = z.strictObject({
  appointmentId: z.string().uuid().optional(),
  patientId: z.string().uuid().optional(),
  providerId: z.string().uuid().optional(),
  /** `awaiting_cosignature`: signed notes whose co-signature is still missing. */
  status: z.enum(['open', 'signed', 'awaiting_cosignature']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});
export type EncounterListQuery = z.infer<typeof encounterListQuerySchema>;

export const timelineQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});

// Templates and quick texts.
export const noteTemplateSchema = z.object({
  id: z.string().uuid(),
  appointmentTypeId: z.string().uuid().nullable(),
  name: z.string(),
  subjective: z.string(),
  objective: z.string(),
  assessment: z.string(),
  plan: z.string(),
  active: z.boolean(),
  version: z.number().int(),
});
export type NoteTemplate = z.infer<typeof noteTemplateSchema>;

const templateFields = {
  appointmentTypeId: z.string().uuid().nullable(),
  name: z.string().trim().min(1).max(100),
  subjective: section,
  objective: section,
  assessment: section,
  plan: section,
  active: z.boolean(),
};
export const noteTemplateInputSchema = z.strictObject({
  ...templateFields,
  appointmentTypeId: templateFields.appointmentTypeId.default(null),
  subjective: section.default(''),
  objective: section.default(''),
  assessment: section.default(''),
  plan: section.default(''),
  active: z.boolean().default(true),
});
export type NoteTemplateInput = z.infer<typeof noteTemplateInputSchema>;
export const noteTemplatePatchSchema = z.strictObject(templateFields).partial();
export type NoteTemplatePatch = z.infer<typeof noteTemplatePatchSchema>;

export const quickTextSchema = z.object({
  id: z.string().uuid(),
  abbreviation: z.string(),
  text: z.string(),
  active: z.boolean(),
  version: z.number().int(),
});
export type QuickText = z.infer<typeof quickTextSchema>;

const abbreviation = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^\.[a-z0-9][a-z0-9_-]{0,39}$/, 'must be a dot followed by letters, digits, - or _ (e.g. .normalexam)');
const quickTextFields = { abbreviation, text: z.string().min(1).max(5000), active: z.boolean() };
export const quickTextInputSchema = z.strictObject({ ...quickTextFields, active: z.boolean().default(true) });
export type QuickTextInput = z.infer<typeof quickTextInputSchema>;
export const quickTextPatchSchema = z.strictObject(quickTextFields).partial();
export type QuickTextPatch = z.infer<typeof quickTextPatchSchema>;
