import { requirePermission } from '../access/index.ts';
import { payerNames } from '../insurance/index.ts';
import { AGE_BUCKETS, type AgeBucket, arAging } from '../ledger/index.ts';
import { type Ctx, inTransaction } from '../shared/context.ts';
import { csvOf } from './csv.ts';
import { todayFor } from './report-dates.ts';
import type { ArAgingQuery, ArAgingReport } from './reports.schemas.ts';

const zeros = () => Object.fromEntries(AGE_BUCKETS.map((b) => [b, 0])) as Record<AgeBucket, number>;
const add = (a: Record<AgeBucket, number>, b: Record<AgeBucket, number>) => {
  for (const k of AGE_BUCKETS) a[k] += b[k];
};

/**
 * A/R aging on `asOf`: insurance A/R by payer (by name), patient A/R, and the grand totals, each
 * in the five buckets. Aggregates only: no patient is named.
 */
export async function arAgingReport(ctx: Ctx, q: Omit<ArAgingQuery, 'format'>): Promise<ArAgingReport> {
  requirePermission(ctx, 'report:finance');
  return inTransaction(ctx, async (tx) => {
    const asOf = q.asOf ?? (await todayFor(tx));
    const [aging, payers] = [await arAging(tx, { asOf, locationId: q.locationId }), await payerNames(tx)];
    const names = new Map(payers.map((p) => [p.id, p.name]));
    const items = aging.insurance
      .map((r) => ({
        payerId: r.payerId,
        payerName: r.payerId ? (names.get(r.payerId) ?? 'Unknown payer') : 'No payer named',
        aging: r.buckets,
        totalCents: r.totalCents,
      }))
      .sort((a, b) => a.payerName.localeCompare(b.payerName) || String(a.payerId).localeCompare(String(b.payerId)));
    const insuranceAging = zeros();
    for (const i of items) add(insuranceAging, i.aging);
    const insuranceTotal = items.reduce((s, i) => s + i.totalCents, 0);
    const totalAging = zeros();
    add(totalAging, insuranceAging);
    add(totalAging, aging.patient.buckets);
    return {
      asOf,
      locationId: q.locationId ?? null,
      insurance: { items, aging: insuranceAging, totalCents: insuranceTotal },
      patient: { aging: aging.patient.buckets, totalCents: aging.patient.totalCents },
      total: { aging: totalAging, totalCents: insuranceTotal + aging.patient.totalCents },
    };
  });
}

/** The same figures as CSV: one row per payer, the insurance total, the patient row, the grand total. */
export function arAgingCsv(r: ArAgingReport): string {
  const row = (section: string, name: string, aging: Record<AgeBucket, number>, total: number) => [
    section,
    name,
    ...AGE_BUCKETS.map((b) => ({ money: aging[b] })),
    { money: total },
  ];
  return csvOf(
    ['section', 'payer', ...AGE_BUCKETS, 'total'],
    [
      ...r.insurance.items.map((i) => row('insurance', i.payerName, i.aging, i.totalCents)),
      row('insurance total', '', r.insurance.aging, r.insurance.totalCents),
      row('patient', '', r.patient.aging, r.patient.totalCents),
      row('total', '', r.total.aging, r.total.totalCents),
    ],
  );
}
