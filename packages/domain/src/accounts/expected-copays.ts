import { patientAccessMany, requirePermission, todayAt } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { latestCopays } from '../eligibility/index.ts';
import { primaryCopays } from '../insurance/index.ts';
import { type Ctx, inTransaction } from '../shared/context.ts';
import type { ExpectedCopay } from './accounts.schemas.ts';

/**
 * The copay the desk expects today from each patient (at most 100: a flow board's page): the
 * office copay the primary coverage in force records, else the copay of that coverage's latest
 * active 271 answer; and what the patient already paid today (so the board can say "collected").
 * Patients the caller may not open (a restricted record outside their care team) are left out.
 * One audit row for the lookup, naming how many patients were answered.
 */
export async function expectedCopays(
  ctx: Ctx,
  patientIds: readonly string[],
  locationId: string | null,
): Promise<{ items: ExpectedCopay[] }> {
  requirePermission(ctx, 'payment:post');
  return inTransaction(ctx, async (tx) => {
    const ids = [...new Set(patientIds)];
    const facts = ids.length
      ? await tx.db
          .selectFrom('patient_access_facts')
          .select(['id', 'restricted'])
          .where('organization_id', '=', tx.organizationId)
          .where('id', 'in', ids)
          .execute()
      : [];
    const access = await patientAccessMany(tx, facts);
    const open = facts.filter((f) => access.get(f.id)).map((f) => f.id);
    const today = await todayAt(tx, locationId ?? tx.locationId);
    const coverages = await primaryCopays(tx, open, today);
    const needEligibility = [...coverages.values()].filter((c) => c.officeCopayCents === null).map((c) => c.coverageId);
    const eligibility = await latestCopays(tx, needEligibility);
    const paid = open.length
      ? await tx.db
          .selectFrom('payments')
          .select(['patient_id', (eb) => eb.fn.sum<string>('amount_cents').as('cents')])
          .where('organization_id', '=', tx.organizationId)
          .where('patient_id', 'in', open)
          .where('posting_date', '=', today)
          .groupBy('patient_id')
          .execute()
      : [];
    const paidToday = new Map(paid.map((p) => [p.patient_id, Number(p.cents)]));
    const items: ExpectedCopay[] = open.map((patientId) => {
      const c = coverages.get(patientId);
      const fromCoverage = c?.officeCopayCents ?? null;
      const fromEligibility = c && fromCoverage === null ? (eligibility.get(c.coverageId) ?? null) : null;
      return {
        patientId,
        date: today,
        copayCents: fromCoverage ?? fromEligibility,
        source: fromCoverage !== null ? 'coverage' : fromEligibility !== null ? 'eligibility' : null,
        coverageId: c?.coverageId ?? null,
        paidTodayCents: paidToday.get(patientId) ?? 0,
      };
    });
    await recordAudit(tx, { action: 'search', resourceType: 'expected_copay', details: { count: items.length } });
    return { items };
  });
}
