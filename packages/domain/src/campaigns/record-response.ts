import { requirePatientAccess } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { actorUserId, type Ctx, inTransaction } from '../shared/context.ts';
import { AppError, notFound } from '../shared/errors.ts';
import { requireCampaignScope } from './campaign-scope.ts';
import type { CampaignMember, MemberPatch } from './campaigns.schemas.ts';
import { selectMembers, toMember } from './member-row.ts';

/**
 * The desk records what a patient said: declined or unreachable (with a note) stops the stages;
 * `none` takes a wrong entry back (the next stage runs when due, at once if it is past). A booked
 * member is booked by the system only (the recall or a visit booked). The patient must be one
 * the caller may open (else 404); audited with them. `expectedVersion` comes from If-Match.
 */
export async function recordResponse(
  ctx: Ctx,
  campaignId: string,
  memberId: string,
  patch: MemberPatch,
  expectedVersion: number,
): Promise<CampaignMember> {
  return inTransaction(ctx, async (tx) => {
    const row = await tx.db
      .selectFrom('recall_campaign_members as m')
      .innerJoin('recall_campaigns as c', 'c.id', 'm.campaign_id')
      .select(['m.id', 'm.patient_id', 'm.response', 'm.stage', 'm.version', 'c.location_id', 'c.status'])
      .where('m.organization_id', '=', tx.organizationId)
      .where('m.campaign_id', '=', campaignId)
      .where('m.id', '=', memberId)
      .forUpdate('m')
      .executeTakeFirst();
    if (!row) throw notFound('campaign member');
    requireCampaignScope(tx, 'campaign:respond', row.location_id);
    const access = await requirePatientAccess(tx, row.patient_id, 'campaign:respond');
    if (row.version !== expectedVersion) {
      throw new AppError('VERSION_MISMATCH', `member is at version ${row.version}`, {
        extra: { current: toMember(await selectMembers(tx).where('m.id', '=', memberId).executeTakeFirstOrThrow()) },
      });
    }
    if (row.response === 'booked') throw new AppError('CONFLICT', 'the patient has booked: nothing to record');
    if (row.status === 'stopped') throw new AppError('CONFLICT', 'the campaign was stopped');
    const now = tx.clock.now();
    const none = patch.response === 'none';
    await tx.db
      .updateTable('recall_campaign_members')
      .set({
        response: patch.response,
        response_note: none ? '' : patch.note,
        responded_at: none ? null : now,
        responded_by: none ? null : actorUserId(tx),
        next_stage_at: none && row.stage !== 'done' ? now : null,
        version: row.version + 1,
        updated_at: now,
      })
      .where('id', '=', memberId)
      .execute();
    await recordAudit(tx, {
      action: 'update',
      resourceType: 'recall_campaign_member',
      resourceId: memberId,
      access,
      changes: { response: { before: row.response, after: patch.response } },
      details: { campaignId, response: patch.response, automatic: false },
    });
    return toMember(await selectMembers(tx).where('m.id', '=', memberId).executeTakeFirstOrThrow());
  });
}
