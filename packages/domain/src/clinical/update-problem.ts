import { diffFields, recordAudit } from '../audit/index.ts';
import { type Ctx, inTransaction } from '../shared/context.ts';
import { AppError, invalid } from '../shared/errors.ts';
import { chartToday, requireWritableChart } from './chart-access.ts';
import { type Problem, type ProblemPatch, RESOLVED_BEFORE_ONSET } from './clinical.schemas.ts';
import { definedOnly, toProblem } from './clinical-rows.ts';
import { problemCode } from './problem-code.ts';

/**
 * Edit a problem: re-code it, change its description, onset or note, resolve it
 * (`status: "resolved"`, today unless `resolvedDate`) or reactivate it (`status: "active"`).
 * `expectedVersion` comes from If-Match (412 with the current problem when stale).
 */
export async function updateProblem(
  ctx: Ctx,
  patientId: string,
  problemId: string,
  patch: ProblemPatch,
  expectedVersion: number,
): Promise<Problem> {
  return inTransaction(ctx, async (tx) => {
    const access = await requireWritableChart(tx, patientId, 'note:write');
    const current = await tx.db
      .selectFrom('problems')
      .selectAll()
      .where('id', '=', problemId)
      .where('patient_id', '=', patientId)
      .where('organization_id', '=', tx.organizationId)
      .forUpdate()
      .executeTakeFirst();
    if (!current) throw new AppError('NOT_FOUND', 'problem not found');
    if (current.version !== expectedVersion) {
      throw new AppError('VERSION_MISMATCH', `problem is at version ${current.version}`, { extra: { current: toProblem(current) } });
    }
    const before = toProblem(current);
    const p = definedOnly(patch);
    let code = { code: current.code, billable: current.billable, description: current.description };
    if (p.code !== undefined) {
      const found = await problemCode(tx, p.code);
      // A re-coded problem takes the new code's description unless one is given.
      code = { ...found, description: found.code === current.code ? current.description : found.description };
    }
    const status = p.status ?? current.status;
    let resolvedDate: string | null = null;
    if (status === 'resolved') resolvedDate = p.resolvedDate ?? current.resolved_date ?? (await chartToday(tx));
    const onsetDate = p.onsetDate !== undefined ? p.onsetDate : current.onset_date;
    if (resolvedDate && onsetDate && resolvedDate < onsetDate) throw invalid('resolvedDate', RESOLVED_BEFORE_ONSET);
    const row = await tx.db
      .updateTable('problems')
      .set({
        code: code.code,
        billable: code.billable,
        description: p.description ?? code.description,
        onset_date: onsetDate,
        status,
        resolved_date: resolvedDate,
        note: p.note ?? current.note,
        version: current.version + 1,
        updated_at: tx.clock.now(),
      })
      .where('id', '=', problemId)
      .where('organization_id', '=', tx.organizationId)
      .returningAll()
      .executeTakeFirstOrThrow();
    const after = toProblem(row);
    const { version: _bv, updatedAt: _bu, ...b } = before;
    const { version: _av, updatedAt: _au, ...a } = after;
    await recordAudit(tx, { action: 'update', resourceType: 'problem', resourceId: problemId, access, changes: diffFields(b, a) });
    return after;
  });
}
