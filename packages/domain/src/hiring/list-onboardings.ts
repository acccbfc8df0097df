import { sql } from 'kysely';
import { locationsHolding, requirePermission, actingLocation, NOBODY } from '../access/index.ts';
import { type Ctx, inTransaction } from '../shared/context.ts';
import { keyset } from '../shared/cursor.ts';
import type { Onboarding, OnboardingQuery } from './hiring.schemas.ts';
import { loadOnboarding, type OnboardingRow, selectOnboardings, toOnboardings } from './onboarding-row.ts';

const keys = keyset('instant', 'uuid');

/**
 * Onboardings, newest hire first, at the locations the caller may see: open (something left to
 * do), complete, or all. Complete: the account made (its role, its training set and its profile
 * come in the same transaction) and every item of the practice's own ticked.
 */
export async function listOnboardings(ctx: Ctx, q: OnboardingQuery): Promise<{ items: Onboarding[]; nextCursor: string | null }> {
  requirePermission(ctx, 'hiring:read');
  return inTransaction(ctx, async (tx) => {
    let query = selectOnboardings(tx);
    const readable = locationsHolding(tx, 'hiring:read', { selectedOnly: true });
    if (readable) query = query.where('p.location_id', 'in', readable.length ? readable : [NOBODY]);
    if (q.locationId) query = query.where('p.location_id', '=', (await actingLocation(tx, 'hiring:read', q.locationId)).id);
    const complete = sql<boolean>`(o.user_id is not null and o.profile_filled_at is not null and not exists (
      select 1 from hiring_onboarding_items i where i.onboarding_id = o.id and i.done_at is null))`;
    if (q.status === 'open') query = query.where(sql<boolean>`not ${complete}`);
    if (q.status === 'complete') query = query.where(complete);
    const c = keys.decode(q.cursor);
    if (c) query = query.where(sql<boolean>`(o.created_at, o.id) < (${c[0]}::timestamptz, ${c[1]}::uuid)`);
    const rows = await query
      .orderBy('o.created_at', 'desc')
      .orderBy('o.id', 'desc')
      .limit(q.limit + 1)
      .execute();
    const { page, nextCursor } = keys.page(rows, q.limit, (r) => [new Date(r.created_at), r.id]);
    return { items: await toOnboardings(tx, page as OnboardingRow[]), nextCursor };
  });
}

export async function getOnboarding(ctx: Ctx, id: string): Promise<Onboarding> {
  requirePermission(ctx, 'hiring:read');
  return inTransaction(ctx, (tx) => loadOnboarding(tx, id, 'hiring:read'));
}
