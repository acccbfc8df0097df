import { requirePermission } from '../access/index.ts';
import { activitySummary } from '../ledger/index.ts';
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
export async function collectionsReport(ctx: Ctx, q: Omit<CollectionsQuery, 'format'>): Promise<CollectionsReport> {
  requirePermission(ctx, 'report:finance');
  return inTransaction(ctx, async (tx) => {
    const { from, to } = await reportRange(tx, q, 90);
    const items = await activitySummary(tx, { from, to, period: q.period, locationId: q.locationId });
    const totals = Object.fromEntries(FIGURES.map(([k]) => [k, items.reduce((s, i) => s + i[k], 0)])) as Figures;
    return { from, to, period: q.period, locationId: q.locationId ?? null, items, totals };
  });
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
