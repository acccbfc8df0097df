import { requirePermission } from '../access/index.ts';
import { activitySummary, adjustmentsByReason } from '../ledger/index.ts';
import { type Ctx, inTransaction } from '../shared/context.ts';
import { csvOf } from './csv.ts';
import { reportRange } from './report-dates.ts';
import type { CollectionsQuery, CollectionsReport } from './reports.schemas.ts';

const FIGURES = [
  ['insurancePaymentsCents', 'insurance_payments'],
  ['patientPaymentsCents', 'patient_payments'],
  ['refundsCents', 'refunds'],
  ['contractualAdjustmentsCents', 'contractual_adjustments'],
  ['otherAdjustmentsCents', 'other_adjustments'],
  ['writeOffsCents', 'write_offs'],
  ['providerAdjustmentsCents', 'provider_adjustments'],
] as const;

type Figures = CollectionsReport['totals'];

/**
 * Money collected (from payers, from patients) and adjustments by reason (contractual, other payer
 * adjustments, write-offs, provider-level), by day, week or month of posting. Default: the last
 * 90 days.
 */
export async function collectionsReport(ctx: Ctx, q: Omit<CollectionsQuery, 'format' | 'view'>): Promise<CollectionsReport> {
  requirePermission(ctx, 'report:finance');
  return inTransaction(ctx, async (tx) => {
    const { from, to } = await reportRange(tx, q, 90);
    const range = { from, to, period: q.period, locationId: q.locationId };
    const items = await activitySummary(tx, range);
    const byReason = await adjustmentsByReason(tx, range);
    const totals = Object.fromEntries(FIGURES.map(([k]) => [k, items.reduce((s, i) => s + i[k], 0)])) as Figures;
    const sums = new Map<string, CollectionsReport['reasonTotals'][number]>();
    for (const r of byReason) {
      const key = `${r.category}\u0000${r.reason}`;
      const t = sums.get(key) ?? { reason: r.reason, category: r.category, cents: 0 };
      t.cents += r.cents;
      sums.set(key, t);
    }
    const reasonTotals = [...sums.values()].sort((a, b) => Math.abs(b.cents) - Math.abs(a.cents) || a.reason.localeCompare(b.reason));
    return { from, to, period: q.period, locationId: q.locationId ?? null, items, totals, byReason, reasonTotals };
  });
}

/** The adjustments by reason as CSV: one row per period, category and reason, then the range's totals per reason. */
export function collectionsByReasonCsv(r: CollectionsReport): string {
  return csvOf(
    ['period_start', 'category', 'reason', 'amount'],
    [
      ...r.byReason.map((i) => [i.periodStart, i.category, i.reason, { money: i.cents }]),
      ...r.reasonTotals.map((t) => ['total', t.category, t.reason, { money: t.cents }]),
    ],
  );
}

export function collectionsCsv(r: CollectionsReport): string {
  return csvOf(
    ['period_start', ...FIGURES.map(([, h]) => h)],
    [
      ...r.items.map((i) => [i.periodStart, ...FIGURES.map(([k]) => ({ money: i[k] }))]),
      ['total', ...FIGURES.map(([k]) => ({ money: r.totals[k] }))],
    ],
  );
}
