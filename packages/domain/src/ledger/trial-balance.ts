import { requirePermission } from '../access/index.ts';
import { type Ctx, inTransaction } from '../shared/context.ts';
import type { TrialBalance } from './ledger.schemas.ts';

/**
 * Every account with activity and its balance on its side (a net debit in the debit column, a
 * net credit in the credit column), through `asOf` (a posting date, inclusive) when given. The two
 * totals are equal whenever the books are sound (each entry balances, the database sees to it).
 */
export async function trialBalance(ctx: Ctx, query: { asOf?: string | undefined }): Promise<TrialBalance> {
  requirePermission(ctx, 'ledger:read');
  return inTransaction(ctx, async (tx) => {
    let q = tx.db
      .selectFrom('journal_lines as l')
      .innerJoin('ledger_accounts as a', (j) =>
        j.onRef('a.organization_id', '=', 'l.organization_id').onRef('a.code', '=', 'l.account_code'),
      )
      .select([
        'a.code',
        'a.name',
        'a.kind',
        (eb) => eb.fn.sum<string>('l.debit_cents').as('debits'),
        (eb) => eb.fn.sum<string>('l.credit_cents').as('credits'),
      ])
      .where('l.organization_id', '=', tx.organizationId)
      .groupBy(['a.code', 'a.name', 'a.kind'])
      .orderBy('a.code');
    if (query.asOf) {
      const asOf = query.asOf;
      q = q.where(({ exists, selectFrom }) =>
        exists(
          selectFrom('journal_entries as e')
            .select('e.id')
            .whereRef('e.id', '=', 'l.entry_id')
            .where('e.organization_id', '=', tx.organizationId)
            .where('e.posting_date', '<=', asOf),
        ),
      );
    }
    const rows = await q.execute();
    const items = rows.map((r) => {
      const net = Number(r.debits) - Number(r.credits);
      return { account: r.code, accountName: r.name, kind: r.kind, debitCents: Math.max(net, 0), creditCents: Math.max(-net, 0) };
    });
    return {
      items,
      totalDebitCents: items.reduce((s, i) => s + i.debitCents, 0),
      totalCreditCents: items.reduce((s, i) => s + i.creditCents, 0),
    };
  });
}
