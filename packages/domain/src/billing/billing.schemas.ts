import { z } from 'zod';
import { MAX_CHARGE_CENTS, MAX_FEE_CENTS } from '../shared/validation.ts';
import { CHARGE_STATUSES, PRICE_SOURCES } from './billing.tables.ts';

const uuid = z.string().uuid();
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
/** A fee of one unit (schedules): whole cents, at most MAX_FEE_CENTS ($100,000.00). */
const feeCents = z.number().int().min(0).max(MAX_FEE_CENTS, 'A fee of one unit is at most $100,000.00.');
/** A charge line's amount: at most MAX_CHARGE_CENTS ($1,000,000.00). */
const cents = z.number().int().min(0).max(MAX_CHARGE_CENTS, 'A charge is at most $1,000,000.00.');
/** CPT (5 digits, or 4 and F/T/U) or HCPCS Level II (a letter and 4 digits); any case in. */
const code = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^([0-9]{4}[0-9FTU]|[A-V][0-9]{4})$/, 'must be a CPT code (5 digits) or a HCPCS code (a letter and 4 digits)');
const modifier = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^([0-9A-Z]{2})?$/, 'must be two letters or digits, or empty');

// ---- fee schedules -----------------------------------------------------------------------

/**
 * A dated price of a code and modifier: the standard schedule's charge, or (with `payerId`) a
 * payer's contracted (allowed) amount. In force from `effectiveFrom` through `effectiveTo`
 * (inclusive; null: until further notice).
 */
export const feeEntrySchema = z.object({
  id: uuid,
  payerId: uuid.nullable(),
  code: z.string(),
  modifier: z.string(),
  amountCents: z.number().int(),
  effectiveFrom: z.string(),
  effectiveTo: z.string().nullable(),
  version: z.number().int(),
});
export type FeeEntry = z.infer<typeof feeEntrySchema>;

export const feeEntryInputSchema = z
  .strictObject({
    code,
    modifier: modifier.default(''),
    amountCents: feeCents,
    effectiveFrom: date,
    effectiveTo: date.nullable().default(null),
  })
  .refine((e) => e.effectiveTo === null || e.effectiveTo >= e.effectiveFrom, {
    path: ['effectiveTo'],
    message: 'must be on or after the first day',
  });
export type FeeEntryInput = z.infer<typeof feeEntryInputSchema>;

export const feeEntryPatchSchema = z
  .strictObject({
    amountCents: feeCents.optional(),
    effectiveFrom: date.optional(),
    effectiveTo: date.nullable().optional(),
  })
  .refine((p) => Object.keys(p).length > 0, { message: 'change at least one field' });
export type FeeEntryPatch = z.infer<typeof feeEntryPatchSchema>;

export const feeEntryQuerySchema = z.strictObject({
  /** Entries of this code (any modifier). */
  code: code.optional(),
  /** Only entries in force on this day. */
  on: date.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(200),
  cursor: z.string().max(200).optional(),
});
export type FeeEntryQuery = z.infer<typeof feeEntryQuerySchema>;

export const feeImportResultSchema = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
});
export type FeeImportResult = z.infer<typeof feeImportResultSchema>;

// ---- charges -----------------------------------------------------------------------------

/** A charge as the review queue and claims read it (`GET /api/charges`: the fixed contract's fields and more). */
export const chargeSchema = z.object({
  id: uuid,
  encounterId: uuid,
  line: z.number().int(),
  patientId: uuid,
  patientName: z.string(),
  providerId: uuid,
  providerName: z.string().nullable(),
  locationId: uuid,
  dateOfService: z.string(),
  procedureCode: z.string(),
  modifiers: z.array(z.string()),
  units: z.number().int(),
  diagnosisPointers: z.array(z.number().int()),
  /** The ICD-10-CM codes the pointers name. */
  diagnosisCodes: z.array(z.string()),
  /** The encounter's diagnoses as signed, in order: what pointers index. */
  encounterDiagnoses: z.array(z.string()),
  /** The price of one unit; null for a price set by hand (an amount for the whole line). */
  unitPriceCents: z.number().int().nullable(),
  amountCents: z.number().int(),
  priceSource: z.enum(PRICE_SOURCES),
  status: z.enum(CHARGE_STATUSES),
  voidReason: z.string().nullable(),
  createdAt: z.string(),
  version: z.number().int(),
});
export type Charge = z.infer<typeof chargeSchema>;

/** A corrected charge, with `notice` when the correction replaced a price set by hand with the schedule's. */
export const chargeUpdateSchema = chargeSchema.extend({ notice: z.string().nullable() });
export type ChargeUpdate = z.infer<typeof chargeUpdateSchema>;

export const chargeQuerySchema = z.strictObject({
  encounterId: uuid.optional(),
  patientId: uuid.optional(),
  status: z.enum(CHARGE_STATUSES).optional(),
  /** Dates of service from this day on. */
  from: date.optional(),
  /** Dates of service up to this day. */
  to: date.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});
export type ChargeQuery = z.infer<typeof chargeQuerySchema>;

/**
 * A biller's correction. An `amountCents` other than what the schedule prices the (new) line at
 * needs a `reason` (a manual price); without `amountCents`, a manual price stays unless the code,
 * modifiers or units change (then the line is re-priced and the answer's `notice` says so).
 */
export const chargePatchSchema = z
  .strictObject({
    procedureCode: code.optional(),
    modifiers: z
      .array(modifier.pipe(z.string().min(2, 'must be two letters or digits')))
      .max(4)
      .optional(),
    units: z.number().int().min(1).max(999).optional(),
    diagnosisPointers: z.array(z.number().int().min(1).max(12)).min(1).max(4).optional(),
    amountCents: cents.optional(),
    reason: z.string().trim().min(1).max(500).optional(),
  })
  .refine((p) => Object.keys(p).some((k) => k !== 'reason'), { message: 'change at least one field' });
export type ChargePatch = z.infer<typeof chargePatchSchema>;

export const voidChargeInputSchema = z.strictObject({ reason: z.string().trim().min(1).max(500) });
export type VoidChargeInput = z.infer<typeof voidChargeInputSchema>;
