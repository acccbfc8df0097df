import { requirePatientAccess, requirePermission } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { patientStatus } from '../patients/index.ts';
import { inTransaction, type Ctx } from '../shared/context.ts';
import { AppError, invalid } from '../shared/errors.ts';
import type { Coverage, CoverageInput } from './insurance.schemas.ts';
import { toCoverage } from './payer-row.ts';

/**
 * Add a coverage to a patient. The database's exclusion constraint keeps one
 * active coverage per priority on any day; an overlap answers CONFLICT naming the priority.
 */
export async function createCoverage(ctx: Ctx, patientId: string, input: CoverageInput): Promise<Coverage> {
  requirePermission(ctx, 'coverage:write');
  const access = await requirePatientAccess(ctx, patientId, 'coverage:write');
  return inTransaction(ctx, async (tx) => {
    if ((await patientStatus(tx, patientId)) === 'merged')
      throw new AppError('CONFLICT', 'this record was merged; add coverage to the surviving record');
    const payer = await tx.db
      .selectFrom('payers')
      .select(['id', 'name'])
      .where('id', '=', input.payerId)
      .where('organization_id', '=', tx.organizationId)
      // A payer taken off the list keeps its coverages but gets no new ones.
      .where('active', '=', true)
      .executeTakeFirst();
    if (!payer) throw invalid('payerId', 'Choose a payer from the practice list.');
    const { subscriber } = input;
    let row: Awaited<ReturnType<typeof insert>>;
    const insert = () =>
      tx.db
        .insertInto('coverages')
        .values({
          organization_id: tx.organizationId,
          patient_id: patientId,
          payer_id: payer.id,
          plan_name: input.planName,
          member_id: input.memberId,
          group_number: input.groupNumber,
          subscriber: subscriber.kind === 'person' ? JSON.stringify({ ...subscriber, kind: undefined }) : null,
          relationship: input.relationship,
          priority: input.priority,
          effective_date: input.effectiveDate,
          termination_date: input.terminationDate,
          copays: JSON.stringify(input.copays),
        })
        .returningAll()
        .executeTakeFirstOrThrow();
    try {
      row = await insert();
    } catch (e) {
      if ((e as { code?: string }).code === '23P01') {
        throw new AppError('CONFLICT', `another active ${input.priority} coverage overlaps these dates`, {
          errors: [{ path: 'priority', message: `an active ${input.priority} coverage already covers part of this period` }],
        });
      }
      throw e;
    }
    await recordAudit(tx, {
      action: 'create',
      resourceType: 'coverage',
      resourceId: row.id,
      patientId,
      breakGlass: access.breakGlass,
      details: { payerId: payer.id, priority: row.priority },
    });
    return toCoverage({ ...row, payer_name: payer.name });
  });
}
