import { requirePermission } from '../access/index.ts';
import { trialBalance } from '../ledger/index.ts';
import type { Ctx } from '../shared/context.ts';
import { csvOf } from './csv.ts';
import { todayFor } from './report-dates.ts';
import type { TrialBalanceReport, TrialBalanceReportQuery } from './reports.schemas.ts';

/** The ledger's trial balance through `asOf` (today at the desk's location by default), for the report screen and its CSV. */
export async function trialBalanceReport(ctx: Ctx, q: Omit<TrialBalanceReportQuery, 'format'>): Promise<TrialBalanceReport> {
  requirePermission(ctx, 'report:finance');
  const asOf = q.asOf ?? (await todayFor(ctx));
  return { asOf, ...(await trialBalance(ctx, { asOf })) };
}

export function trialBalanceCsv(r: TrialBalanceReport): string {
  return csvOf(
    ['account', 'account_name', 'kind', 'debit', 'credit'],
    [
      ...r.items.map((i) => [i.account, i.accountName, i.kind, { money: i.debitCents }, { money: i.creditCents }]),
      ['total', '', '', { money: r.totalDebitCents }, { money: r.totalCreditCents }],
    ],
  );
}
