import { recordAudit } from '../audit/index.ts';
import { requirePermission } from '../access/index.ts';
import { parseStart } from '../scheduling/index.ts';
import { actorUserId, type Ctx, inTransaction } from '../shared/context.ts';
import { AppError, invalid } from '../shared/errors.ts';
import { loadApplicantDetail, loadApplicantRow } from './applicant-row.ts';
import type { ApplicantDetail, StageInput } from './hiring.schemas.ts';
import { openOnboarding } from './open-onboarding.ts';
import { loadPositionRow, settleFilled } from './position-row.ts';
import { NEXT_STAGES, needsReason } from './stage-rules.ts';

/**
 * Move an applicant to the next stage, or out (rejected, withdrawn: with a reason). Anything
 * else is 409 ILLEGAL_TRANSITION with the stages allowed. The interview stage may carry its
 * date and time (an instant, or a local time at the position's location). Hiring needs an open
 * position: it opens the onboarding, and the hire that reaches the openings fills the position
 * (the position's row is locked, so two hires at once cannot pass its openings).
 */
export async function moveApplicant(ctx: Ctx, id: string, input: StageInput): Promise<ApplicantDetail> {
  requirePermission(ctx, 'hiring:manage');
  return inTransaction(ctx, async (tx) => {
    const current = await loadApplicantRow(tx, id, 'hiring:manage', { forUpdate: true });
    const allowed = NEXT_STAGES[current.stage];
    if (!allowed.includes(input.stage))
      throw new AppError('ILLEGAL_TRANSITION', `an applicant at ${current.stage} cannot be moved to ${input.stage}`, {
        extra: { from: current.stage, to: input.stage, allowed },
      });
    if (needsReason(input.stage) && !input.reason) throw invalid('reason', `Say why the applicant is ${input.stage}.`);
    if (!needsReason(input.stage) && input.reason) throw invalid('reason', 'Only a rejection or a withdrawal takes a reason.');
    if (input.interviewAt && input.stage !== 'interview') throw invalid('interviewAt', 'Only the interview stage takes a date and time.');
    const interviewAt = input.interviewAt ? parseStart(input.interviewAt, current.time_zone, 'interviewAt') : null;
    if (input.stage === 'hired') {
      const position = await loadPositionRow(tx, current.position_id, 'hiring:manage', { forUpdate: true });
      if (position.status !== 'open')
        throw new AppError('CONFLICT', `the position is ${position.status.replace('_', ' ')}: it takes no more hires`, {
          extra: { positionStatus: position.status },
        });
    }
    const now = tx.clock.now();
    await tx.db
      .updateTable('hiring_applicants')
      .set({
        stage: input.stage,
        closed_reason: needsReason(input.stage) ? (input.reason ?? null) : null,
        ...(input.stage === 'interview' ? { interview_at: interviewAt } : {}),
        ...(input.stage === 'hired' ? { hired_at: now } : {}),
        version: current.version + 1,
        updated_at: now,
      })
      .where('id', '=', id)
      .execute();
    await tx.db
      .insertInto('hiring_stage_moves')
      .values({
        organization_id: tx.organizationId,
        applicant_id: id,
        from_stage: current.stage,
        to_stage: input.stage,
        note: input.note ?? null,
        reason: input.reason ?? null,
        interview_at: interviewAt,
        moved_by: actorUserId(tx),
        moved_at: now,
      })
      .execute();
    await recordAudit(tx, {
      action: 'update',
      resourceType: 'applicant_stage',
      resourceId: id,
      details: { from: current.stage, to: input.stage },
    });
    if (input.stage === 'hired') {
      await openOnboarding(tx, id, current.position_id);
      await settleFilled(tx, current.position_id);
    }
    return loadApplicantDetail(tx, id, 'hiring:manage');
  });
}
