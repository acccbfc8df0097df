import { sql } from 'kysely';
import { mayOpenPatientSql, patientAccessMany } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { type Ctx, inTransaction } from '../shared/context.ts';
import { keyset } from '../shared/cursor.ts';
import { loadCampaign } from './campaign-row.ts';
import { requireCampaignScope } from './campaign-scope.ts';
import type { CampaignMember, MemberQuery } from './campaigns.schemas.ts';
import { selectMembers, toMember } from './member-row.ts';

const memberKeys = keyset('date', 'uuid');

/**
 * A campaign's members, the worklist of who to call: oldest recall first, optionally by response.
 * Names patients, so the list is audited (and each restricted record shown under a break-glass
 * grant gets its own row); restricted records the caller may not open are left out.
 */
export async function listMembers(
  ctx: Ctx,
  campaignId: string,
  q: MemberQuery,
): Promise<{ items: CampaignMember[]; nextCursor: string | null }> {
  return inTransaction(ctx, async (tx) => {
    const campaign = await loadCampaign(tx, campaignId);
    requireCampaignScope(tx, 'campaign:read', campaign.locationId);
    const cursor = memberKeys.decode(q.cursor);
    let query = selectMembers(tx)
      .where('m.campaign_id', '=', campaignId)
      .where(mayOpenPatientSql(tx, 'p'))
      .orderBy('m.recall_due_date')
      .orderBy('m.id')
      .limit(q.limit + 1);
    if (q.response) query = query.where('m.response', '=', q.response);
    if (cursor) query = query.where(sql<boolean>`(m.recall_due_date, m.id) > (${cursor[0]}::date, ${cursor[1]}::uuid)`);
    const { page, nextCursor } = memberKeys.page(await query.execute(), q.limit, (r) => [r.recall_due_date, r.id]);
    await recordAudit(tx, {
      action: 'search',
      resourceType: 'recall_campaign_member',
      details: { campaignId, count: page.length, ...(q.response && { response: q.response }) },
    });
    const restricted = page.filter((r) => r.patient_restricted).map((r) => ({ id: r.patient_id, restricted: true }));
    if (restricted.length) {
      for (const a of (await patientAccessMany(tx, restricted)).values())
        if (a?.breakGlass) await recordAudit(tx, { action: 'search', resourceType: 'recall_campaign_member', access: a });
    }
    return { items: page.map(toMember), nextCursor };
  });
}
