/** Whether a coverage is one of this patient's, in ctx's organization (a document filed under it, say). */
import type { Ctx } from '../shared/context.ts';

export async function isCoverageOfPatient(ctx: Ctx, coverageId: string, patientId: string): Promise<boolean> {
  const row = await ctx.db
    .selectFrom('coverages')
    .select('id')
    .where('id', '=', coverageId)
    .where('patient_id', '=', patientId)
    .where('organization_id', '=', ctx.organizationId)
    .executeTakeFirst();
  return row !== undefined;
}
