import { requirePatientAccess } from '../access/index.ts';
import { diffFields, recordAudit } from '../audit/index.ts';
import { inTransaction, type Ctx } from '../shared/context.ts';
import { AppError, invalid } from '../shared/errors.ts';
import { type Coverage, type CoveragePatch, SELF_RELATIONSHIP_MESSAGE, TERMINATION_MESSAGE } from './insurance.schemas.ts';
import { toCoverage } from './payer-row.ts';

/**
 * Edit a coverage (terminate it, fix the member id, change copays...). `expectedVersion`
 * comes from If-Match (412 with the current coverage when stale). The exclusion constraint
 * still keeps one active coverage per priority on any day: an overlap answers CONFLICT naming `priority`.
 */
export async function updateCoverage(
  ctx: Ctx,
  patientId: string,
  coverageId: string,
  patch: CoveragePatch,
  expectedVersion: number,
): Promise<Coverage> {
  const access = await requirePatientAccess(ctx, patientId, 'coverage:write');
  return inTransaction(ctx, async (tx) => {
    const current = await tx.db
      .selectFrom('coverages as c')
      .innerJoin('payers as p', 'p.id', 'c.payer_id')
      .selectAll('c')
      .select('p.name as payer_name')
      .where('c.id', '=', coverageId)
      .where('c.patient_id', '=', patientId)
      .where('c.organization_id', '=', tx.organizationId)
      .forUpdate('c')
      .executeTakeFirst();
    if (!current) throw new AppError('NOT_FOUND', 'coverage not found');
    if (current.version !== expectedVersion) {
      throw new AppError('VERSION_MISMATCH', `coverage is at version ${current.version}`, { extra: { current: toCoverage(current) } });
    }
    let payerName = current.payer_name;
    if (patch.payerId && patch.payerId !== current.payer_id) {
      const payer = await tx.db
        .selectFrom('payers')
        .select('name')
        .where('id', '=', patch.payerId)
        .where('organization_id', '=', tx.organizationId)
        // Moving a coverage to a payer taken off the list is refused; one already on it stays.
        .where('active', '=', true)
        .executeTakeFirst();
      if (!payer) throw invalid('payerId', 'Choose a payer from the practice list.');
      payerName = payer.name;
    }
    const before = toCoverage(current);
    const next = { ...before, ...definedOnly(patch) } as Coverage;
    if ((next.subscriber.kind === 'self') !== (next.relationship === '18')) throw invalid('relationship', SELF_RELATIONSHIP_MESSAGE);
    if (next.terminationDate && next.terminationDate < next.effectiveDate) throw invalid('terminationDate', TERMINATION_MESSAGE);
    const { subscriber } = next;
    let row: Awaited<ReturnType<typeof update>>;
    const update = () =>
      tx.db
        .updateTable('coverages')
        .set({
          payer_id: next.payerId,
          plan_name: next.planName,
          member_id: next.memberId,
          group_number: next.groupNumber,
          subscriber: subscriber.kind === 'person' ? JSON.stringify({ ...subscriber, kind: undefined }) : null,
          relationship: next.relationship,
          priority: next.priority,
          effective_date: next.effectiveDate,
          termination_date: next.terminationDate,
          copays: JSON.stringify(next.copays),
          version: current.version + 1,
          updated_at: tx.clock.now(),
        })
        .where('id', '=', coverageId)
        .returningAll()
        .executeTakeFirstOrThrow();
    try {
      row = await update();
    } catch (e) {
      if ((e as { code?: string }).code === '23P01') {
        throw new AppError('CONFLICT', `another active ${next.priority} coverage overlaps these dates`, {
          errors: [{ path: 'priority', message: `an active ${next.priority} coverage already covers part of this period` }],
        });
      }
      throw e;
    }
    const after = toCoverage({ ...row, payer_name: payerName });
    const { version: _bv, ...b } = before;
    const { version: _av, ...a } = after;
    await recordAudit(tx, {
      action: 'update',
      resourceType: 'coverage',
      resourceId: coverageId,
      access,
      changes: diffFields(b, a),
    });
    return after;
  });
}

/** The patch without the keys it does not name (an explicit null stays: it clears the field). */
function definedOnly<T extends object>(patch: T): Partial<T> {
  return Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<T>;
}
