import { recordAudit } from '../audit/index.ts';
import { actorUserId, type Ctx, inTransaction } from '../shared/context.ts';
import { invalid } from '../shared/errors.ts';
import { chartToday, requireWritableChart } from './chart-access.ts';
import { type Problem, type ProblemInput, RESOLVED_BEFORE_ONSET } from './clinical.schemas.ts';
import { toProblem } from './clinical-rows.ts';
import { problemCode } from './problem-code.ts';

/** Add a problem to a patient's list (ICD-10-CM coded; the description defaults to the code's). */
export async function addProblem(ctx: Ctx, patientId: string, input: ProblemInput): Promise<Problem> {
  return inTransaction(ctx, async (tx) => {
    const access = await requireWritableChart(tx, patientId, 'note:write');
    const code = await problemCode(tx, input.code);
    const resolvedDate = input.status === 'resolved' ? (input.resolvedDate ?? (await chartToday(tx))) : null;
    if (resolvedDate && input.onsetDate && resolvedDate < input.onsetDate) throw invalid('resolvedDate', RESOLVED_BEFORE_ONSET);
    const row = await tx.db
      .insertInto('problems')
      .values({
        organization_id: tx.organizationId,
        patient_id: patientId,
        code: code.code,
        billable: code.billable,
        description: input.description ?? code.description,
        onset_date: input.onsetDate,
        status: input.status,
        resolved_date: resolvedDate,
        note: input.note,
        created_by: actorUserId(tx),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(tx, { action: 'create', resourceType: 'problem', resourceId: row.id, access, details: { code: row.code } });
    return toProblem(row);
  });
}
