import { z } from 'zod';
import { DUNNING_LEVELS, STATEMENT_DELIVERIES } from './statements.tables.ts';

const cents = z.number().int();
export const STATEMENT_AGING_BUCKETS = ['0-30', '31-60', '61-90', '91-120', '120+'] as const;
const aging = z.object(
  Object.fromEntries(STATEMENT_AGING_BUCKETS.map((b) => [b, cents])) as Record<(typeof STATEMENT_AGING_BUCKETS)[number], typeof cents>,
);

export const statementRunInputSchema = z.strictObject({
  minBalanceCents: cents
    .min(0, 'must be zero or more')
    .max(9_999_999_999)
    .describe("Guarantors whose family's patient balance is at least this much get a statement"),
  locationId: z.guid().optional().describe("Whose letterhead and calendar day (the desk's location, else the practice's first)"),
});
export type StatementRunInput = z.infer<typeof statementRunInputSchema>;

export const statementRunSchema = z.object({
  id: z.guid(),
  locationId: z.guid(),
  asOf: z.string().describe('The calendar day of the run at its location (the statements’ date)'),
  minBalanceCents: cents,
  status: z.enum(['issued']),
  statementCount: z.number().int(),
  emailedCount: z.number().int(),
  printCount: z.number().int(),
  totalDueCents: cents,
  createdAt: z.string(),
});
export type StatementRun = z.infer<typeof statementRunSchema>;

export const statementSummarySchema = z.object({
  id: z.guid(),
  runId: z.guid(),
  guarantorKey: z.string(),
  guarantorName: z.string(),
  accountNumber: z.string(),
  patientIds: z.array(z.guid()),
  issuedOn: z.string(),
  nextStatementOn: z.string(),
  dunningLevel: z.enum(DUNNING_LEVELS),
  amountDueCents: cents,
  aging,
  delivery: z.enum(STATEMENT_DELIVERIES),
});
export type StatementSummary = z.infer<typeof statementSummarySchema>;

export const statementRunDetailSchema = statementRunSchema.extend({
  statements: z.object({ items: z.array(statementSummarySchema), nextCursor: z.string().nullable() }),
});

export const statementListQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(300).optional(),
});

export const combinedPdfQuerySchema = z.object({
  part: z.coerce
    .number()
    .int()
    .min(1)
    .max(1000)
    .default(1)
    .describe('A big run prints in parts of 500 statements (the x-statement-parts header says how many)'),
});

/** What a statement printed, kept as sent (the reprint renders it again). */
export interface StatementSnapshot {
  practice: { name: string; locationName: string | null; addressLines: string[]; phone: string | null };
  guarantor: { name: string; addressLines: string[]; accountNumber: string };
  issuedOn: string;
  dueOn: string;
  dunningLevel: (typeof DUNNING_LEVELS)[number];
  patients: { id: string; name: string }[];
  visits: {
    patientName: string;
    date: string;
    provider: string;
    description: string;
    billedCents: number;
    insurancePaidCents: number;
    adjustmentCents: number;
    patientPaidCents: number;
    insurancePendingCents: number;
    patientDueCents: number;
  }[];
  aging: Record<(typeof STATEMENT_AGING_BUCKETS)[number], number>;
  amountDueCents: number;
}
