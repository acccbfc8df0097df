import { locationsHolding } from '../access/index.ts';
import { sql } from 'kysely';
import { type Ctx, inTransaction } from '../shared/context.ts';
import { keyset } from '../shared/cursor.ts';
import { loadCampaign, selectCampaigns, toCampaign } from './campaign-row.ts';
import { requireCampaignScope } from './campaign-scope.ts';
import type { Campaign, CampaignQuery } from './campaigns.schemas.ts';

const campaignKeys = keyset('instant', 'uuid');

/**
 * Recall campaigns, newest first, with their counts (no patient is named: not audited). A role
 * limited to locations sees those locations' campaigns only.
 */
export async function listCampaigns(ctx: Ctx, q: CampaignQuery): Promise<{ items: Campaign[]; nextCursor: string | null }> {
  return inTransaction(ctx, async (tx) => {
    const places = locationsHolding(tx, 'campaign:read');
    requireCampaignScope(tx, 'campaign:read', places === null ? null : (places[0] ?? null));
    const cursor = campaignKeys.decode(q.cursor);
    let query = selectCampaigns(tx)
      .orderBy('c.created_at', 'desc')
      .orderBy('c.id', 'desc')
      .limit(q.limit + 1);
    if (places) query = query.where('c.location_id', 'in', places);
    if (q.status) query = query.where('c.status', '=', q.status);
    if (cursor) query = query.where(sql<boolean>`(c.created_at, c.id) < (${cursor[0]}, ${cursor[1]}::uuid)`);
    const { page, nextCursor } = campaignKeys.page(await query.execute(), q.limit, (r) => [r.created_at, r.id]);
    return { items: page.map(toCampaign), nextCursor };
  });
}

/** One campaign with its counts (the ETag is its version). */
export async function getCampaign(ctx: Ctx, id: string): Promise<Campaign> {
  return inTransaction(ctx, async (tx) => {
    const c = await loadCampaign(tx, id);
    requireCampaignScope(tx, 'campaign:read', c.locationId);
    return c;
  });
}
