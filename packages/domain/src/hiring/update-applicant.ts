import { recordAudit } from '../audit/index.ts';
import { requirePermission } from '../access/index.ts';
import { parseStart } from '../scheduling/index.ts';
import { type Ctx, inTransaction } from '../shared/context.ts';
import { AppError, invalid } from '../shared/errors.ts';
import { loadApplicantDetail, loadApplicantRow, toApplicant } from './applicant-row.ts';
import { positionForApplicant } from './create-applicant.ts';
import type { ApplicantDetail, ApplicantPatch } from './hiring.schemas.ts';
import { CLOSED_STAGES } from './stage-rules.ts';

/**
 * Edit an applicant (If-Match): contact details, source, notes; another position (open or on
 * hold, where the caller manages hiring) while they are still in the pipeline; the interview's
 * time at the interview stage. The audit row names the fields changed, not contact values.
 */
export async function updateApplicant(ctx: Ctx, id: string, patch: ApplicantPatch, expectedVersion: number): Promise<ApplicantDetail> {
  requirePermission(ctx, 'hiring:manage');
  return inTransaction(ctx, async (tx) => {
    const row = await loadApplicantRow(tx, id, 'hiring:manage', { forUpdate: true });
    const current = toApplicant(row);
    if (current.version !== expectedVersion)
      throw new AppError('VERSION_MISMATCH', `applicant is at version ${current.version}`, { extra: { current } });
    let positionId = current.positionId;
    let zone = row.time_zone;
    if (patch.positionId && patch.positionId !== current.positionId) {
      if (CLOSED_STAGES.includes(current.stage))
        throw invalid('positionId', `The applicant is ${current.stage}: record a new application for another position.`);
      const position = await positionForApplicant(tx, patch.positionId);
      positionId = position.id;
      zone = position.time_zone;
    }
    let interviewAt = row.interview_at;
    if (patch.interviewAt !== undefined) {
      if (current.stage !== 'interview')
        throw invalid('interviewAt', 'Only an applicant at the interview stage has an interview to schedule.');
      interviewAt = patch.interviewAt === null ? null : parseStart(patch.interviewAt, zone, 'interviewAt');
    }
    const next = {
      name: patch.name ?? current.name,
      email: patch.email ?? current.email,
      phone: patch.phone === undefined ? current.phone : patch.phone,
      source: patch.source ?? current.source,
      position_id: positionId,
      notes: patch.notes ?? current.notes,
      interview_at: interviewAt,
    };
    await tx.db
      .updateTable('hiring_applicants')
      .set({ ...next, version: current.version + 1, updated_at: tx.clock.now() })
      .where('id', '=', id)
      .execute();
    const changed = (
      [
        ['name', current.name !== next.name],
        ['email', current.email !== next.email],
        ['phone', current.phone !== next.phone],
        ['source', current.source !== next.source],
        ['positionId', current.positionId !== next.position_id],
        ['notes', current.notes !== next.notes],
        ['interviewAt', (row.interview_at?.getTime() ?? null) !== (interviewAt ? new Date(interviewAt).getTime() : null)],
      ] as const
    ).filter(([, c]) => c);
    const changes: Record<string, { before: unknown; after: unknown }> = {};
    for (const [field] of changed) {
      if (field === 'source') changes.source = { before: current.source, after: next.source };
      else if (field === 'positionId') changes.positionId = { before: current.positionId, after: next.position_id };
      else changes[field] = { before: '(changed)', after: '(changed)' };
    }
    await recordAudit(tx, {
      action: 'update',
      resourceType: 'applicant',
      resourceId: id,
      changes: Object.keys(changes).length ? changes : null,
      details: null,
    });
    return loadApplicantDetail(tx, id, 'hiring:manage');
  });
}
