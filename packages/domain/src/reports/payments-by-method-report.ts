import { requirePermission } from '../access/index.ts';
import { PAYMENT_METHODS, paymentTotals } from '../accounts/index.ts';
import { type Ctx, inTransaction } from '../shared/context.ts';
import { csvOf } from './csv.ts';
import { reportRange } from './report-dates.ts';
import type { PaymentsByMethodQuery, PaymentsByMethodReport } from './reports.schemas.ts';

/** Patient payments of the range by method (cash, check, card), and by location and user. Default: the last 30 days. */
export async function paymentsByMethodReport(ctx: Ctx, q: Omit<PaymentsByMethodQuery, 'format'>): Promise<PaymentsByMethodReport> {
  requirePermission(ctx, 'report:finance');
  return inTransaction(ctx, async (tx) => {
    const { from, to } = await reportRange(tx, q, 30);
    const items = await paymentTotals(tx, { from, to, locationId: q.locationId });
    const sum = (rows: typeof items) => ({
      count: rows.reduce((s, r) => s + r.count, 0),
      amountCents: rows.reduce((s, r) => s + r.amountCents, 0),
      refundedCents: rows.reduce((s, r) => s + r.refundedCents, 0),
    });
    return {
      from,
      to,
      locationId: q.locationId ?? null,
      byMethod: PAYMENT_METHODS.map((method) => ({ method, ...sum(items.filter((i) => i.method === method)) })),
      items,
      total: sum(items),
    };
  });
}

export function paymentsByMethodCsv(r: PaymentsByMethodReport): string {
  return csvOf(
    ['location', 'method', 'user', 'count', 'amount', 'refunded'],
    [
      ...r.items.map((i) => [i.locationName, i.method, i.userName ?? '', i.count, { money: i.amountCents }, { money: i.refundedCents }]),
      ...r.byMethod.map((m) => ['all locations', m.method, 'all users', m.count, { money: m.amountCents }, { money: m.refundedCents }]),
      ['all locations', 'all methods', 'all users', r.total.count, { money: r.total.amountCents }, { money: r.total.refundedCents }],
    ],
  );
}
