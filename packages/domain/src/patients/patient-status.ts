/**
 * A record's status, for other modules' writes about a patient (a coverage, a document): a
 * merged record takes none, they go to the surviving one. The caller has already checked access
 * (requirePatientAccess), so the record exists in ctx's organization; throws when it does not.
 */
import type { Ctx } from '../shared/context.ts';

export type PatientStatus = 'active' | 'inactive' | 'deceased' | 'merged';

export async function patientStatus(ctx: Ctx, patientId: string): Promise<PatientStatus> {
  const row = await ctx.db
    .selectFrom('patients')
    .select('status')
    .where('id', '=', patientId)
    .where('organization_id', '=', ctx.organizationId)
    .executeTakeFirstOrThrow();
  return row.status;
}
