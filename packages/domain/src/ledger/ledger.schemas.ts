import { z } from 'zod';
import { ACCOUNT_KINDS } from './ledger.tables.ts';

const cents = z.number().int().nonnegative();

export const trialBalanceQuerySchema = z.object({
  asOf: z.iso.date().optional().describe('Balances through this posting date (inclusive); today when left out'),
});

export const trialBalanceSchema = z.object({
  items: z.array(
    z.object({
      account: z.string().describe('The account code (chart of accounts)'),
      accountName: z.string(),
      kind: z.enum(ACCOUNT_KINDS),
      debitCents: cents.describe('A net debit balance, else 0'),
      creditCents: cents.describe('A net credit balance, else 0'),
    }),
  ),
  totalDebitCents: cents,
  totalCreditCents: cents,
});
export type TrialBalance = z.infer<typeof trialBalanceSchema>;
