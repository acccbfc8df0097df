import { z } from 'zod';
import { AGE_BUCKETS } from '../ledger/index.ts';
import { text } from '../shared/text.ts';
import { AGENCY_STATUSES, CONTACT_TYPES, PLAN_FREQUENCIES, PLAN_STATUSES, STATEMENT_LEVELS } from './collections.tables.ts';

const cents = z.number().int();
const date = z.iso.date();
const positiveCents = cents.min(1, 'must be more than zero').max(9_999_999_999);
export const guarantorKeySchema = z
  .string()
  .regex(/^(person:)?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, 'a guarantor key from the worklist')
  .describe("A guarantor's key: the guarantor patient's id, or `person:<patient id>` for a guarantor who is not a patient");

export const worklistQuerySchema = z.object({
  bucket: z.enum(AGE_BUCKETS).optional().describe('Only guarantors whose oldest open patient balance is in this age bucket'),
  hasPromise: z.enum(['true', 'false']).optional().describe('Only guarantors with (or without) a promise to pay'),
  followUpDue: z.enum(['true']).optional().describe('Only guarantors whose follow-up date is today or past'),
  agency: z.enum(AGENCY_STATUSES).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: z.string().max(100).optional(),
});
export type WorklistQuery = z.infer<typeof worklistQuerySchema>;

export const promiseSchema = z.object({
  on: z.string(),
  amountCents: cents,
  madeOn: z.string(),
  paidCents: cents.describe("What the guarantor's patients paid since the promise was made, up to its date"),
  status: z.enum(['pending', 'kept', 'broken']),
});

export const worklistItemSchema = z.object({
  guarantorKey: z.string(),
  guarantorName: z.string(),
  balanceCents: cents.describe("What the guarantor's patients owe together"),
  bucket: z.enum(AGE_BUCKETS).describe('Age bucket of the oldest open patient balance'),
  aging: z.object(Object.fromEntries(AGE_BUCKETS.map((b) => [b, cents])) as Record<(typeof AGE_BUCKETS)[number], typeof cents>),
  oldestSince: z.string(),
  patients: z.array(z.object({ id: z.guid(), name: z.string(), balanceCents: cents })),
  lastStatement: z.object({ on: z.string(), level: z.enum(STATEMENT_LEVELS) }).nullable(),
  lastContact: z.object({ at: z.string(), type: z.enum(CONTACT_TYPES) }).nullable(),
  followUpOn: z.string().nullable(),
  promise: promiseSchema.nullable(),
  planStatus: z.enum(PLAN_STATUSES).nullable().describe("The newest payment plan's status among the guarantor's patients"),
  missedInstallment: z.boolean(),
  agencyStatus: z.enum(AGENCY_STATUSES),
  agencySentOn: z.string().nullable(),
});
export type WorklistItem = z.infer<typeof worklistItemSchema>;

export const contactInputSchema = z
  .strictObject({
    guarantorKey: guarantorKeySchema,
    type: z.enum(CONTACT_TYPES),
    note: text({ max: 2000, multiline: true }).optional(),
    promiseOn: date.optional().describe('Promise to pay: the day the guarantor said they would pay'),
    promiseCents: positiveCents.optional().describe('Promise to pay: how much'),
    followUpOn: date.optional(),
  })
  .superRefine((c, ctx) => {
    if (c.promiseOn && c.promiseCents === undefined)
      ctx.addIssue({ code: 'custom', path: ['promiseCents'], message: 'a promise to pay needs its amount' });
    if (c.promiseCents !== undefined && !c.promiseOn)
      ctx.addIssue({ code: 'custom', path: ['promiseOn'], message: 'a promise to pay needs its date' });
  });
export type ContactInput = z.infer<typeof contactInputSchema>;

export const contactSchema = z.object({
  id: z.guid(),
  guarantorKey: z.string(),
  type: z.enum(CONTACT_TYPES),
  note: z.string(),
  promiseOn: z.string().nullable(),
  promiseCents: cents.nullable(),
  followUpOn: z.string().nullable(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
});
export type Contact = z.infer<typeof contactSchema>;

export const contactListQuerySchema = z.object({
  guarantorKey: guarantorKeySchema,
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});
export type ContactListQuery = z.infer<typeof contactListQuerySchema>;

export const planInputSchema = z
  .strictObject({
    patientId: z.guid(),
    totalCents: positiveCents,
    installmentCents: positiveCents,
    frequency: z.enum(PLAN_FREQUENCIES),
    firstDueOn: date,
    note: text({ max: 500 }).optional(),
  })
  .superRefine((p, ctx) => {
    if (p.installmentCents > p.totalCents)
      ctx.addIssue({ code: 'custom', path: ['installmentCents'], message: 'must not be more than the total' });
    else if (Math.ceil(p.totalCents / p.installmentCents) > 120)
      ctx.addIssue({ code: 'custom', path: ['installmentCents'], message: 'too small: a plan has at most 120 installments' });
  });
export type PlanInput = z.infer<typeof planInputSchema>;

export const installmentSchema = z.object({
  seq: z.number().int(),
  dueOn: z.string(),
  amountCents: cents,
  paidCents: cents,
  missed: z.boolean(),
});

export const planSchema = z.object({
  id: z.guid(),
  patientId: z.guid(),
  guarantorKey: z.string(),
  totalCents: cents,
  installmentCents: cents,
  frequency: z.enum(PLAN_FREQUENCIES),
  firstDueOn: z.string(),
  status: z.enum(PLAN_STATUSES),
  paidCents: cents,
  remainingCents: cents,
  cancelReason: z.string().nullable(),
  note: z.string(),
  createdAt: z.string(),
  installments: z.array(installmentSchema),
});
export type Plan = z.infer<typeof planSchema>;

export const planListQuerySchema = z.object({ patientId: z.guid() });
export const planCancelSchema = z.strictObject({ reason: text({ max: 500, min: 1 }) });

export const agencyInputSchema = z.strictObject({
  guarantorKeys: z.array(guarantorKeySchema).min(1).max(100),
});
export const agencyResultSchema = z.object({
  sentOn: z.string(),
  items: z.array(z.object({ guarantorKey: z.string(), agencyStatus: z.enum(AGENCY_STATUSES), agencySentOn: z.string().nullable() })),
});

export const agencyReturnInputSchema = z.strictObject({
  guarantorKey: guarantorKeySchema,
  reason: text({ max: 500, min: 1 }),
});
export const agencyReturnResultSchema = z.object({
  guarantorKey: z.string(),
  agencyStatus: z.enum(AGENCY_STATUSES),
  agencySentOn: z.string().nullable(),
  agencyReturnedOn: z.string(),
  reason: z.string(),
});

export const writeOffInputSchema = z.strictObject({
  maxBalanceCents: cents.min(1, 'must be more than zero').max(100_000, 'small balances only: at most 100000 cents'),
  reason: text({ max: 500, min: 1 }),
  preview: z.boolean().default(false).describe('true: list what would be written off and change nothing'),
});
export type WriteOffInput = z.infer<typeof writeOffInputSchema>;

export const writeOffResultSchema = z.object({
  batchId: z.guid().nullable().describe('null for a preview'),
  preview: z.boolean(),
  postingDate: z.string(),
  patientCount: z.number().int(),
  totalCents: cents,
  items: z.array(z.object({ patientId: z.guid(), patientName: z.string(), amountCents: cents })),
  more: z.boolean().describe('More patients may match than one batch takes: run another batch after this one'),
});
export type WriteOffResult = z.infer<typeof writeOffResultSchema>;
