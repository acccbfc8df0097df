import type { Ctx } from '../shared/context.ts';

/**
 * Each patient's primary coverage in force on `date` and the office-visit copay it records (null
 * when the coverage names none), for the desk's expected copay at check-in. At most the ids given
 * (callers bound them); no permission or audit of its own: the caller checks and audits.
 */
export async function primaryCopays(
  ctx: Ctx,
  patientIds: readonly string[],
  date: string,
): Promise<Map<string, { coverageId: string; officeCopayCents: number | null }>> {
  const out = new Map<string, { coverageId: string; officeCopayCents: number | null }>();
  if (patientIds.length === 0) return out;
  const rows = await ctx.db
    .selectFrom('coverages')
    .select(['id', 'patient_id', 'copays'])
    .where('organization_id', '=', ctx.organizationId)
    .where('patient_id', 'in', [...patientIds])
    .where('active', '=', true)
    .where('priority', '=', 'primary')
    .where('effective_date', '<=', date)
    .where((eb) => eb.or([eb('termination_date', 'is', null), eb('termination_date', '>=', date)]))
    .orderBy('effective_date', 'desc')
    .execute();
  for (const r of rows) if (!out.has(r.patient_id)) out.set(r.patient_id, { coverageId: r.id, officeCopayCents: r.copays?.office ?? null });
  return out;
}
