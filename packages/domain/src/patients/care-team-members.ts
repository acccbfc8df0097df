/** Read a patient's care team: explicit members and the primary provider's linked users, by name (identity's staff_directory). */
import type { Ctx } from '../shared/context.ts';
import type { CareTeamMember } from './patients.schemas.ts';

export async function careTeamMembers(ctx: Ctx, patientId: string): Promise<CareTeamMember[]> {
  const explicit = await ctx.db
    .selectFrom('patient_care_team as ct')
    .innerJoin('staff_directory as u', 'u.id', 'ct.user_id')
    .select(['u.id', 'u.display_name', 'u.active'])
    .where('ct.patient_id', '=', patientId)
    .where('ct.organization_id', '=', ctx.organizationId)
    .execute();
  const implicit = await ctx.db
    .selectFrom('patients as p')
    .innerJoin('staff_directory as u', (j) =>
      j.onRef('u.provider_id', '=', 'p.primary_provider_id').onRef('u.organization_id', '=', 'p.organization_id'),
    )
    .select(['u.id', 'u.display_name', 'u.active'])
    .where('p.id', '=', patientId)
    .where('u.active', '=', true)
    .execute();
  const byId = new Map<string, CareTeamMember>();
  for (const u of explicit)
    byId.set(u.id, { userId: u.id, displayName: u.display_name, active: u.active, explicit: true, viaPrimaryProvider: false });
  for (const u of implicit) {
    const seen = byId.get(u.id);
    if (seen) seen.viaPrimaryProvider = true;
    else byId.set(u.id, { userId: u.id, displayName: u.display_name, active: u.active, explicit: false, viaPrimaryProvider: true });
  }
  return [...byId.values()].sort((a, b) => a.displayName.localeCompare(b.displayName) || a.userId.localeCompare(b.userId));
}

/** The explicit member ids, sorted: the before/after of care-team audit rows. */
export async function explicitCareTeamIds(ctx: Ctx, patientId: string): Promise<string[]> {
  const rows = await ctx.db
    .selectFrom('patient_care_team')
    .select('user_id')
    .where('patient_id', '=', patientId)
    .where('organization_id', '=', ctx.organizationId)
    .orderBy('user_id')
    .execute();
  return rows.map((r) => r.user_id);
}
