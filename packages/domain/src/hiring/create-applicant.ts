import { recordAudit } from '../audit/index.ts';
import { requirePermission } from '../access/index.ts';
import { actorUserId, type Ctx, inTransaction } from '../shared/context.ts';
import { AppError, invalid } from '../shared/errors.ts';
import { loadApplicantDetail } from './applicant-row.ts';
import type { ApplicantDetail, ApplicantInput } from './hiring.schemas.ts';
import { loadPositionRow } from './position-row.ts';

/** The position an applicant applies to (its row locked, so a concurrent move or close is seen): one the caller manages hiring at (else 400 naming `positionId`), open or on hold. */
export async function positionForApplicant(tx: Ctx, positionId: string) {
  const position = await loadPositionRow(tx, positionId, 'hiring:manage', { forUpdate: true }).catch((e: unknown) => {
    if (e instanceof AppError && e.code === 'NOT_FOUND')
      throw invalid('positionId', 'Choose a position of a location where you manage hiring.');
    throw e;
  });
  if (position.status !== 'open' && position.status !== 'on_hold')
    throw new AppError('CONFLICT', `the position is ${position.status.replace('_', ' ')}: it takes no applicants`, {
      errors: [{ path: 'positionId', message: `This position is ${position.status.replace('_', ' ')}.` }],
    });
  return position;
}

/** Record an applicant for a position (stage applied, the application as the first move of their history). */
export async function createApplicant(ctx: Ctx, input: ApplicantInput): Promise<ApplicantDetail> {
  requirePermission(ctx, 'hiring:manage');
  return inTransaction(ctx, async (tx) => {
    const position = await positionForApplicant(tx, input.positionId);
    const now = tx.clock.now();
    const row = await tx.db
      .insertInto('hiring_applicants')
      .values({
        organization_id: tx.organizationId,
        position_id: position.id,
        name: input.name,
        email: input.email,
        phone: input.phone ?? null,
        source: input.source,
        notes: input.notes,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await tx.db
      .insertInto('hiring_stage_moves')
      .values({
        organization_id: tx.organizationId,
        applicant_id: row.id,
        from_stage: null,
        to_stage: 'applied',
        moved_by: actorUserId(tx),
        moved_at: now,
      })
      .execute();
    await recordAudit(tx, { action: 'create', resourceType: 'applicant', resourceId: row.id, details: { positionId: position.id } });
    return loadApplicantDetail(tx, row.id, 'hiring:manage');
  });
}
