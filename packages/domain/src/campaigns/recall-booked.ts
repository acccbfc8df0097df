import { recordAudit } from '../audit/index.ts';
import type { BookedRecall } from '../followups/index.ts';
import type { Ctx } from '../shared/context.ts';

/**
 * `recall.booked` (followups), in the booking transaction: the member holding the recall in a
 * campaign not stopped, still waiting for an answer, is booked and gets no further stage.
 */
export async function memberBookedWithRecall(tx: Ctx, recall: BookedRecall): Promise<{ memberId: string } | null> {
  const now = tx.clock.now();
  const row = await tx.db
    .updateTable('recall_campaign_members')
    .set((eb) => ({ response: 'booked', responded_at: now, next_stage_at: null, version: eb('version', '+', 1), updated_at: now }))
    .where('organization_id', '=', tx.organizationId)
    .where('recall_id', '=', recall.id)
    .where('open', '=', true)
    .where('response', '=', 'none')
    .returning(['id', 'campaign_id'])
    .executeTakeFirst();
  if (!row) return null;
  await recordAudit(tx, {
    action: 'update',
    resourceType: 'recall_campaign_member',
    resourceId: row.id,
    patientId: recall.patientId,
    changes: { response: { before: 'none', after: 'booked' } },
    details: { campaignId: row.campaign_id, response: 'booked', automatic: true },
  });
  return { memberId: row.id };
}
