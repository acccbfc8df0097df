import { z } from 'zod';
import { PAYMENT_METHODS } from '../accounts/index.ts';
import { ACTIVITY_PERIODS, ADJUSTMENT_CATEGORIES, AGE_BUCKETS, trialBalanceSchema } from '../ledger/index.ts';

const cents = z.number().int();
const date = z.iso.date();
const format = z.enum(['json', 'csv']).default('json').describe('csv: the same figures as text/csv (RFC 4180, money as decimal dollars)');
const locationId = z.guid().optional().describe('Only this location');
const from = date.optional().describe('First posting day (inclusive)');
const to = date.optional().describe('Last posting day (inclusive; today when left out); at most 366 days after `from`');

export const agingSchema = z
  .object(Object.fromEntries(AGE_BUCKETS.map((b) => [b, cents])) as Record<(typeof AGE_BUCKETS)[number], typeof cents>)
  .describe('Cents by age bucket (days since the balance was first posted)');

export const arAgingQuerySchema = z.strictObject({
  asOf: date.optional().describe("The day the balances are aged to (today at the desk's location when left out)"),
  locationId,
  format,
});
export type ArAgingQuery = z.infer<typeof arAgingQuerySchema>;

export const arAgingReportSchema = z.object({
  asOf: z.string(),
  locationId: z.guid().nullable(),
  insurance: z.object({
    items: z.array(
      z.object({
        payerId: z.guid().nullable().describe('null: insurance A/R naming no payer'),
        payerName: z.string(),
        aging: agingSchema,
        totalCents: cents,
      }),
    ),
    aging: agingSchema,
    totalCents: cents,
  }),
  patient: z.object({ aging: agingSchema, totalCents: cents.describe('Negative: more credit than owed') }),
  total: z.object({ aging: agingSchema, totalCents: cents }),
});
export type ArAgingReport = z.infer<typeof arAgingReportSchema>;

export const daysInArQuerySchema = z.strictObject({
  asOf: date.optional().describe("The day A/R is counted on (today at the desk's location when left out)"),
  days: z.coerce.number().int().min(1).max(366).default(90).describe('How many days of charges make the daily average'),
  locationId,
  format,
});
export type DaysInArQuery = z.infer<typeof daysInArQuerySchema>;

export const daysInArReportSchema = z.object({
  asOf: z.string(),
  from: z.string().describe('First day of the charges window'),
  days: z.number().int(),
  locationId: z.guid().nullable(),
  insuranceArCents: cents,
  patientArCents: cents,
  totalArCents: cents,
  grossChargesCents: cents.describe('Charges posted in the window, less voids'),
  averageDailyChargesCents: cents.describe('grossChargesCents ÷ days, rounded to the cent'),
  daysInAr: z.number().nullable().describe('totalArCents ÷ (grossChargesCents ÷ days), one decimal; null without charges'),
});
export type DaysInArReport = z.infer<typeof daysInArReportSchema>;

export const collectionsQuerySchema = z.strictObject({
  from,
  to,
  period: z.enum(ACTIVITY_PERIODS).default('month'),
  locationId,
  format,
  view: z
    .enum(['periods', 'reasons'])
    .default('periods')
    .describe('What the CSV lists: the figures by period, or the adjustments by reason and period'),
});
export type CollectionsQuery = z.infer<typeof collectionsQuerySchema>;

const collectionFigures = {
  insurancePaymentsCents: cents.describe('Paid by payers (net of provider-level adjustments)'),
  patientPaymentsCents: cents,
  refundsCents: cents,
  contractualAdjustmentsCents: cents.describe('CO adjustments'),
  otherAdjustmentsCents: cents.describe('OA, PI and CR adjustments'),
  writeOffsCents: cents,
  providerAdjustmentsCents: cents.describe('PLB: recoupments positive, interest negative'),
};

export const collectionsReportSchema = z.object({
  from: z.string(),
  to: z.string(),
  period: z.enum(ACTIVITY_PERIODS),
  locationId: z.guid().nullable(),
  items: z.array(z.object({ periodStart: z.string(), ...collectionFigures })),
  totals: z.object(collectionFigures),
  byReason: z
    .array(
      z.object({
        periodStart: z.string(),
        reason: z
          .string()
          .describe('CARC group and code (CO-45, PR-1, OA-23), PLB-<code>, claim_write_off, small_balance_write_off or refund'),
        category: z.enum(ADJUSTMENT_CATEGORIES),
        cents: cents.describe('Net of reversals in the period'),
      }),
    )
    .describe('Adjustments, write-offs and refunds by reason and period (lines posted since reasons are kept)'),
  reasonTotals: z
    .array(z.object({ reason: z.string(), category: z.enum(ADJUSTMENT_CATEGORIES), cents }))
    .describe('byReason summed over the range, largest first'),
});
export type CollectionsReport = z.infer<typeof collectionsReportSchema>;

export const paymentsByMethodQuerySchema = z.strictObject({ from, to, locationId, format });
export type PaymentsByMethodQuery = z.infer<typeof paymentsByMethodQuerySchema>;

const methodFigures = { count: z.number().int(), amountCents: cents, refundedCents: cents };

export const paymentsByMethodReportSchema = z.object({
  from: z.string(),
  to: z.string(),
  locationId: z.guid().nullable(),
  byMethod: z.array(z.object({ method: z.enum(PAYMENT_METHODS), ...methodFigures })).describe('Every method, zeros included'),
  items: z
    .array(
      z.object({
        locationId: z.guid(),
        locationName: z.string(),
        method: z.enum(PAYMENT_METHODS),
        userId: z.guid().nullable(),
        userName: z.string().nullable(),
        ...methodFigures,
      }),
    )
    .describe('By location, method and the user who posted'),
  total: z.object(methodFigures),
});
export type PaymentsByMethodReport = z.infer<typeof paymentsByMethodReportSchema>;

export const trialBalanceReportQuerySchema = z.strictObject({
  asOf: date.optional().describe("Balances through this posting day (today at the desk's location when left out)"),
  format,
});
export type TrialBalanceReportQuery = z.infer<typeof trialBalanceReportQuerySchema>;

export const trialBalanceReportSchema = trialBalanceSchema.extend({ asOf: z.string() });
export type TrialBalanceReport = z.infer<typeof trialBalanceReportSchema>;

export const journalExportQuerySchema = z.strictObject({
  from: date.optional().describe('First posting day (inclusive; 30 days before `to` when left out)'),
  to,
});
export type JournalExportQuery = z.infer<typeof journalExportQuerySchema>;
