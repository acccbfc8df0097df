import type { Ctx } from '../shared/context.ts';

/**
 * Which of these (patient, date of service) pairs have an active primary coverage in force that
 * day: answers the keys `${patientId}|${date}` that do. For the claims module's candidates (a
 * claim without a coverage named bills the primary one in force on the date of service, and
 * refuses without one). Only whether such a coverage exists leaves this module; no permission or
 * audit of its own: the caller checked `claim:submit` and audits the patients it lists.
 */
export async function primaryCoverageOn(ctx: Ctx, visits: readonly { patientId: string; date: string }[]): Promise<Set<string>> {
  if (visits.length === 0) return new Set();
  const rows = await ctx.db
    .selectFrom('coverages')
    .select(['patient_id', 'effective_date', 'termination_date'])
    .where('organization_id', '=', ctx.organizationId)
    .where('patient_id', 'in', [...new Set(visits.map((v) => v.patientId))])
    .where('active', '=', true)
    .where('priority', '=', 'primary')
    .execute();
  const found = new Set<string>();
  for (const v of visits)
    if (
      rows.some(
        (r) => r.patient_id === v.patientId && r.effective_date <= v.date && (r.termination_date === null || r.termination_date >= v.date),
      )
    )
      found.add(`${v.patientId}|${v.date}`);
  return found;
}
