import { z } from 'zod';

const cents = z.number().int();
const date = z.iso.date();
const methods = z.enum(['cash', 'check', 'card']);

export const methodTotalSchema = z.object({ method: methods, count: z.number().int(), cents });
export const userTotalSchema = z.object({ userId: z.guid().nullable(), name: z.string(), count: z.number().int(), cents });

export const closeDayInputSchema = z.strictObject({
  locationId: z.guid(),
  date: date.describe('The day at the location to close (today or an earlier day)'),
  countedCashCents: cents.min(0, 'cannot be negative').max(9_999_999_999).describe('The cash counted in the drawer'),
  note: z.string().trim().max(500).optional().describe('Why the cash is over or short, if it is'),
});
export type CloseDayInput = z.infer<typeof closeDayInputSchema>;

const summaryShape = {
  locationId: z.guid(),
  date: z.string(),
  expectedCashCents: cents.describe("Cash payments of the day minus the day's cash refunds and voids"),
  paymentCount: z.number().int(),
  totalCents: cents.describe('Everything taken that day, net of refunds and voids'),
  byMethod: z.array(methodTotalSchema),
  byUser: z.array(userTotalSchema),
};

export const dailyCloseSchema = z.object({
  id: z.guid(),
  ...summaryShape,
  countedCashCents: cents,
  varianceCents: cents.describe('Counted minus expected: positive over, negative short'),
  note: z.string(),
  closedBy: z.string().nullable(),
  closedAt: z.string(),
});
export type DailyClose = z.infer<typeof dailyCloseSchema>;

export const dayPreviewSchema = z.object({
  ...summaryShape,
  closed: dailyCloseSchema.nullable().describe('The close, when the day is already closed'),
});
export type DayPreview = z.infer<typeof dayPreviewSchema>;

export const dayPreviewQuerySchema = z.object({ locationId: z.guid(), date });

export const dailyCloseListQuerySchema = z
  .object({
    locationId: z.guid(),
    from: date.optional(),
    to: date.optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    cursor: date.optional().describe('nextCursor of the previous page'),
  })
  .superRefine((q, ctx) => {
    if (q.from && q.to && q.from > q.to) ctx.addIssue({ code: 'custom', path: ['to'], message: 'must not be before from' });
  });

export const depositInputSchema = z.strictObject({
  locationId: z.guid(),
  paymentIds: z
    .array(z.guid())
    .min(1)
    .max(1000)
    .optional()
    .describe("The payments to deposit; left out: every undeposited payment of the location's closed days (the oldest 1,000)"),
  bankReference: z.string().trim().min(1).max(100).optional().describe('The deposit slip or bank reference'),
});
export type DepositInput = z.infer<typeof depositInputSchema>;

export const depositSchema = z.object({
  id: z.guid(),
  locationId: z.guid(),
  depositDate: z.string(),
  cashCents: cents,
  checkCents: cents,
  cardCents: cents,
  totalCents: cents,
  paymentCount: z.number().int(),
  bankReference: z.string().nullable(),
  depositedBy: z.string().nullable(),
  createdAt: z.string(),
});
export type Deposit = z.infer<typeof depositSchema>;

export const undepositedPaymentSchema = z.object({
  paymentId: z.guid(),
  method: methods,
  postingDate: z.string(),
  amountCents: cents.describe('What goes to the bank: a cash payment net of its cash refunds'),
  dayClosed: z.boolean(),
});
export type UndepositedPayment = z.infer<typeof undepositedPaymentSchema>;

export const depositListQuerySchema = z.object({
  locationId: z.guid(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(300).optional(),
});

export const undepositedQuerySchema = z.object({
  locationId: z.guid(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});
