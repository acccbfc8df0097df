import { z } from 'zod';
import { PAYMENT_METHODS } from './accounts.tables.ts';

const cents = z.number().int();
const date = z.iso.date();

export const paymentInputSchema = z
  .strictObject({
    patientId: z.guid(),
    amountCents: cents.min(1, 'must be more than zero').max(9_999_999_999),
    method: z.enum(PAYMENT_METHODS),
    locationId: z.guid(),
    reference: z.string().trim().min(1).max(100).optional().describe('Check number, or the card processor’s reference'),
    cardLast4: z
      .string()
      .regex(/^[0-9]{4}$/, 'four digits')
      .optional()
      .describe('Card payments: the last four digits the terminal printed (card numbers never reach ClinicDesk)'),
    cardToken: z
      .string()
      .regex(/^tok_[A-Za-z0-9_-]{6,100}$/, 'a token from the card reader or hosted form (tok_…)')
      .optional()
      .describe(
        "Card payments through the practice's card gateway: the token the reader or hosted form gave; the card is charged before the payment is posted (needs an Idempotency-Key)",
      ),
    postingDate: date.optional().describe('The day it counts for at the location (today when left out; never in the future)'),
    note: z.string().max(500).optional(),
    allocations: z
      .array(z.strictObject({ chargeId: z.guid(), amountCents: cents.min(1, 'must be more than zero') }))
      .max(200)
      .optional()
      .describe('Which charges it pays; what is left stays on account (a credit). Left out: the oldest open charges first'),
  })
  .superRefine((p, ctx) => {
    if (p.method === 'check' && !p.reference)
      ctx.addIssue({ code: 'custom', path: ['reference'], message: 'a check payment needs the check number' });
    if (p.method !== 'card' && p.cardLast4)
      ctx.addIssue({ code: 'custom', path: ['cardLast4'], message: 'only card payments have card digits' });
    if (p.method !== 'card' && p.cardToken)
      ctx.addIssue({ code: 'custom', path: ['cardToken'], message: 'only card payments have a card token' });
    if (p.cardToken && (p.cardLast4 || p.reference))
      ctx.addIssue({
        code: 'custom',
        path: ['cardToken'],
        message: 'the gateway gives the last four digits and the reference: send the token alone',
      });
    if (p.method === 'card' && !p.cardLast4 && !p.cardToken)
      ctx.addIssue({ code: 'custom', path: ['cardLast4'], message: 'a card payment needs the last four digits (or a card token)' });
    const ids = new Set<string>();
    for (const [i, a] of (p.allocations ?? []).entries()) {
      if (ids.has(a.chargeId))
        ctx.addIssue({ code: 'custom', path: ['allocations', i, 'chargeId'], message: 'this charge is listed twice' });
      ids.add(a.chargeId);
    }
    const allocated = (p.allocations ?? []).reduce((s, a) => s + a.amountCents, 0);
    if (allocated > p.amountCents)
      ctx.addIssue({ code: 'custom', path: ['allocations'], message: 'the allocations add up to more than the payment' });
  });
export type PaymentInput = z.infer<typeof paymentInputSchema>;

export const paymentSchema = z.object({
  id: z.guid(),
  patientId: z.guid(),
  locationId: z.guid(),
  amountCents: cents,
  method: z.enum(PAYMENT_METHODS),
  reference: z.string().nullable(),
  cardLast4: z.string().nullable(),
  cardBrand: z.string().nullable(),
  cardSource: z
    .enum(['terminal', 'gateway'])
    .nullable()
    .describe('Card payments: charged here through the gateway, or taken on a standalone terminal'),
  postingDate: z.string(),
  note: z.string(),
  allocations: z.array(z.object({ chargeId: z.guid(), encounterId: z.guid(), amountCents: cents })),
  unallocatedCents: cents.describe('Left on account (a credit until applied or refunded)'),
  refundedCents: cents,
  status: z.enum(['posted', 'void']),
  voidReason: z.string().nullable(),
  voidDate: z.string().nullable().describe('The day the void reversed its entry'),
  createdAt: z.string(),
});
export type Payment = z.infer<typeof paymentSchema>;

export const voidInputSchema = z.strictObject({ reason: z.string().trim().min(1).max(500) });
export type VoidInput = z.infer<typeof voidInputSchema>;

export const refundInputSchema = z.strictObject({
  amountCents: cents.min(1, 'must be more than zero'),
  reason: z.string().trim().min(1).max(500),
});
export type RefundInput = z.infer<typeof refundInputSchema>;

export const refundSchema = z.object({
  id: z.guid(),
  paymentId: z.guid(),
  patientId: z.guid(),
  amountCents: cents,
  reason: z.string(),
  postingDate: z.string(),
  createdAt: z.string(),
});
export type Refund = z.infer<typeof refundSchema>;

export const AGING_BUCKETS = ['0-30', '31-60', '61-90', '91-120', '120+'] as const;

export const accountSchema = z.object({
  patientId: z.guid(),
  patientBalanceCents: cents.describe('What the patient owes (negative: a credit)'),
  insuranceBalanceCents: cents.describe('What payers have been billed and not yet settled'),
  totalBalanceCents: cents,
  aging: z.object(Object.fromEntries(AGING_BUCKETS.map((b) => [b, cents])) as Record<(typeof AGING_BUCKETS)[number], typeof cents>),
  asOf: z.string(),
  guarantor: z
    .object({
      key: z.string().describe('Groups a family: the guarantor patient’s id, or person:<patient id> for a guarantor who is not a patient'),
      name: z.string(),
      guarantorPatientId: z.guid().nullable(),
      familyPatientBalanceCents: cents.describe('What the family owes together (patient parts of every member; negative: a credit)'),
      familyInsuranceBalanceCents: cents,
      members: z.array(
        z.object({
          patientId: z.guid(),
          name: z.string().describe('As written; a restricted record shows no name'),
          patientBalanceCents: cents,
          insuranceBalanceCents: cents,
        }),
      ),
    })
    .nullable()
    .describe('Who answers for the bill, and the family’s balance'),
});
export type Account = z.infer<typeof accountSchema>;

export const paymentListQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(300).optional(),
});

export const receiptEmailSchema = z.object({
  messageId: z.guid(),
  to: z.string(),
  status: z.literal('queued'),
});

export const expectedCopayQuerySchema = z.object({
  patientIds: z
    .string()
    .max(3_800)
    .transform((s) => s.split(',').filter(Boolean))
    .pipe(z.array(z.guid()).min(1).max(100))
    .describe('Comma-separated patient ids (at most 100)'),
  locationId: z.guid().optional().describe('Whose calendar day is today (default: the desk’s location)'),
});

export const expectedCopaySchema = z.object({
  patientId: z.guid(),
  date: z.string(),
  copayCents: cents.nullable().describe('What to collect today; null when neither the coverage nor its latest 271 names a copay'),
  source: z.enum(['coverage', 'eligibility']).nullable(),
  coverageId: z.guid().nullable(),
  paidTodayCents: cents.describe('Payments the patient made today (any method, any location)'),
});
export type ExpectedCopay = z.infer<typeof expectedCopaySchema>;
