import { requirePermission } from '../access/index.ts';
import { arAging, netCharges } from '../ledger/index.ts';
import { type Ctx, inTransaction } from '../shared/context.ts';
import { csvOf } from './csv.ts';
import { addDays, todayFor } from './report-dates.ts';
import type { DaysInArQuery, DaysInArReport } from './reports.schemas.ts';

/**
 * Days in A/R on `asOf`: total A/R (insurance and patient, as the aging report counts it) divided
 * by the average daily gross charges of the `days` days ending on `asOf`. The inputs are part of
 * the answer, so the figure can be checked by hand.
 */
export async function daysInArReport(ctx: Ctx, q: Omit<DaysInArQuery, 'format'>): Promise<DaysInArReport> {
  requirePermission(ctx, 'report:finance');
  return inTransaction(ctx, async (tx) => {
    const asOf = q.asOf ?? (await todayFor(tx));
    const from = addDays(asOf, -(q.days - 1));
    const aging = await arAging(tx, { asOf, locationId: q.locationId });
    const grossChargesCents = await netCharges(tx, { from, to: asOf, locationId: q.locationId });
    const insuranceArCents = aging.insurance.reduce((s, r) => s + r.totalCents, 0);
    const patientArCents = aging.patient.totalCents;
    const totalArCents = insuranceArCents + patientArCents;
    return {
      asOf,
      from,
      days: q.days,
      locationId: q.locationId ?? null,
      insuranceArCents,
      patientArCents,
      totalArCents,
      grossChargesCents,
      averageDailyChargesCents: Math.round(grossChargesCents / q.days),
      daysInAr: grossChargesCents > 0 ? Math.round((totalArCents * q.days * 10) / grossChargesCents) / 10 : null,
    };
  });
}

export function daysInArCsv(r: DaysInArReport): string {
  return csvOf(
    ['as_of', 'from', 'days', 'insurance_ar', 'patient_ar', 'total_ar', 'gross_charges', 'average_daily_charges', 'days_in_ar'],
    [
      [
        r.asOf,
        r.from,
        r.days,
        { money: r.insuranceArCents },
        { money: r.patientArCents },
        { money: r.totalArCents },
        { money: r.grossChargesCents },
        { money: r.averageDailyChargesCents },
        r.daysInAr === null ? '' : r.daysInAr.toFixed(1),
      ],
    ],
  );
}
