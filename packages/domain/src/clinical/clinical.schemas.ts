/** What the clinical lists take and answer (zod: the routes' validation and the OpenAPI document). */
import { z } from 'zod';
import { dayDateSchema } from '../patients/index.ts';
import { patchSchemaOf } from '../shared/patch-schema.ts';
import { text } from '../shared/text.ts';
import { isValidDea } from './dea-number.ts';

const optionalDate = dayDateSchema.nullish().transform((v) => v ?? null);
const note = text({ max: 2000, min: 0, multiline: true }).default('');
const shortText = (max: number) => text({ max, min: 0 }).default('');

export const RESOLVED_BEFORE_ONSET = 'The resolved date is before the onset date.';
export const STOP_BEFORE_START = 'The stop date is before the start date.';

// Problems -------------------------------------------------------------------------------

export const PROBLEM_STATUSES = ['active', 'resolved'] as const;

export const problemInputSchema = z.strictObject({
  /** ICD-10-CM, with or without its dot, any case (E11.9, e119). */
  code: text({ max: 10 }),
  /** Defaults to the code's own description. */
  description: text({ max: 400 }).nullish(),
  onsetDate: optionalDate,
  status: z.enum(PROBLEM_STATUSES).default('active'),
  /** For a resolved problem: defaults to today. */
  resolvedDate: optionalDate,
  note,
});
export type ProblemInput = z.infer<typeof problemInputSchema>;

/** PATCH a problem: any subset; `status: "resolved"` resolves it (today unless `resolvedDate`), `"active"` reactivates it. */
export const problemPatchSchema = patchSchemaOf(problemInputSchema);
export type ProblemPatch = z.infer<typeof problemPatchSchema>;

export const problemSchema = z.object({
  id: z.string().uuid(),
  patientId: z.string().uuid(),
  code: z.string(),
  /** False for a category heading: the list may hold it, but a more specific code is better. */
  billable: z.boolean(),
  description: z.string(),
  onsetDate: z.string().nullable(),
  status: z.enum(PROBLEM_STATUSES),
  resolvedDate: z.string().nullable(),
  note: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type Problem = z.infer<typeof problemSchema>;

// Allergies ------------------------------------------------------------------------------

export const ALLERGY_SEVERITIES = ['mild', 'moderate', 'severe', 'life_threatening', 'unknown'] as const;
export const ALLERGY_STATUSES = ['active', 'inactive'] as const;

export const allergyInputSchema = z.strictObject({
  substance: text({ max: 200 }),
  reaction: shortText(200),
  severity: z.enum(ALLERGY_SEVERITIES).default('unknown'),
  status: z.enum(ALLERGY_STATUSES).default('active'),
  onsetDate: optionalDate,
  note,
});
export type AllergyInput = z.infer<typeof allergyInputSchema>;

export const allergyPatchSchema = patchSchemaOf(allergyInputSchema);
export type AllergyPatch = z.infer<typeof allergyPatchSchema>;

export const allergySchema = z.object({
  id: z.string().uuid(),
  patientId: z.string().uuid(),
  substance: z.string(),
  reaction: z.string(),
  severity: z.enum(ALLERGY_SEVERITIES),
  status: z.enum(ALLERGY_STATUSES),
  onsetDate: z.string().nullable(),
  note: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type Allergy = z.infer<typeof allergySchema>;

/**
 * `unknown`: nobody has recorded anything (never asked); `nka`: "no known allergies" was
 * recorded (by whom, when); `has_allergies`: the patient has at least one active allergy.
 */
export const ALLERGY_LIST_STATUSES = ['unknown', 'nka', 'has_allergies'] as const;

export const allergyListSchema = z.object({
  status: z.enum(ALLERGY_LIST_STATUSES),
  /** When the statement behind `status` was recorded (null while unknown). */
  recordedAt: z.string().nullable(),
  recordedBy: z.object({ id: z.string().uuid(), name: z.string() }).nullable(),
  /** Active first, then inactive; newest first within each. */
  items: z.array(allergySchema),
  nextCursor: z.string().nullable(),
});
export type AllergyList = z.infer<typeof allergyListSchema>;

// Medications ----------------------------------------------------------------------------

export const MEDICATION_ROUTES = ['oral', 'topical', 'inhaled', 'subcutaneous', 'intramuscular', 'intravenous', 'other'] as const;
export const MEDICATION_STATUSES = ['active', 'stopped'] as const;

export const medicationInputSchema = z.strictObject({
  name: text({ max: 200 }),
  dose: shortText(100),
  route: z.enum(MEDICATION_ROUTES).default('oral'),
  frequency: shortText(200),
  startDate: optionalDate,
  /** A planned end for an active medication, or when a stopped one stopped (defaults to today). */
  stopDate: optionalDate,
  /** A provider of the practice... */
  prescriberId: z.string().uuid().nullish(),
  /** ...or an outside prescriber by name (not both). */
  prescriberName: text({ max: 200 }).nullish(),
  status: z.enum(MEDICATION_STATUSES).default('active'),
  note,
});
export type MedicationInput = z.infer<typeof medicationInputSchema>;

/** PATCH a medication: any subset; `status: "stopped"` stops it (today unless `stopDate`). */
export const medicationPatchSchema = patchSchemaOf(medicationInputSchema);
export type MedicationPatch = z.infer<typeof medicationPatchSchema>;

const prescriberOut = z.object({
  /** Set for a provider of the practice; null for an outside prescriber. */
  providerId: z.string().uuid().nullable(),
  name: z.string(),
});

export const medicationSchema = z.object({
  id: z.string().uuid(),
  patientId: z.string().uuid(),
  name: z.string(),
  dose: z.string(),
  route: z.enum(MEDICATION_ROUTES),
  frequency: z.string(),
  startDate: z.string().nullable(),
  stopDate: z.string().nullable(),
  prescriber: prescriberOut.nullable(),
  status: z.enum(MEDICATION_STATUSES),
  note: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type Medication = z.infer<typeof medicationSchema>;

// Prescriptions --------------------------------------------------------------------------

export const DEA_MESSAGE = 'Not a valid DEA number: two letters and seven digits, the last one a check digit (such as AB1234563).';

export const deaNumberSchema = z.string().trim().toUpperCase().refine(isValidDea, DEA_MESSAGE);

export const prescriptionInputSchema = z.strictObject({
  drugName: text({ max: 200 }),
  strength: shortText(100),
  form: shortText(100),
  /** The directions, as the label will read ("Take 1 tablet by mouth once daily"). */
  sig: text({ max: 1000, multiline: true }),
  quantity: z.number().positive().max(100_000).multipleOf(0.01, 'Use at most two decimals.'),
  quantityUnit: text({ max: 50 }),
  refills: z.number().int().min(0, 'Refills are 0 to 11.').max(11, 'Refills are 0 to 11.').default(0),
  dispenseAsWritten: z.boolean().default(false),
  /** A provider of the practice; defaults to the provider linked to the signed-in clinician. */
  prescriberId: z.string().uuid().nullish(),
  /** As the prescriber gives it; printed on the prescription. */
  deaNumber: deaNumberSchema.nullish().transform((v) => v || null),
  /** Defaults to today. */
  writtenDate: optionalDate,
  /** Renew an existing active medication of the patient, instead of adding a new one. */
  medicationId: z.string().uuid().nullish(),
  /** For the medication a new prescription adds. */
  route: z.enum(MEDICATION_ROUTES).default('oral'),
  /** For the medication a new prescription adds (defaults to the sig). */
  frequency: text({ max: 200 }).nullish(),
  note,
});
export type PrescriptionInput = z.infer<typeof prescriptionInputSchema>;

export const prescriptionSchema = z.object({
  id: z.string().uuid(),
  patientId: z.string().uuid(),
  medicationId: z.string().uuid(),
  drugName: z.string(),
  strength: z.string(),
  form: z.string(),
  sig: z.string(),
  quantity: z.number(),
  quantityUnit: z.string(),
  refills: z.number().int(),
  dispenseAsWritten: z.boolean(),
  prescriber: z.object({ providerId: z.string().uuid(), name: z.string(), npi: z.string() }),
  deaNumber: z.string().nullable(),
  writtenDate: z.string(),
  note: z.string(),
  createdAt: z.string(),
});
export type Prescription = z.infer<typeof prescriptionSchema>;

export const prescriptionCreatedSchema = z.object({ prescription: prescriptionSchema, medication: medicationSchema });
