import { sql } from 'kysely';
import { requirePermission } from '../access/index.ts';
import type { Ctx } from '../shared/context.ts';

export interface DenialRate {
  days: number;
  /** Claims the payer adjudicated in the window (paid, partially paid or denied). */
  adjudicated: number;
  /** Of those, denied outright at least once in the window. */
  denied: number;
  /** Denied over adjudicated, in percent with one decimal; null without adjudications. */
  rate: number | null;
}

/**
 * The denial rate of the last `days` days (the manager's dashboard): from the claims' own
 * timelines, one aggregate over the window's adjudication events.
 */
export async function denialRate(ctx: Ctx, q: { locationId?: string; days: number }): Promise<DenialRate> {
  requirePermission(ctx, 'claim:read');
  const days = Math.min(Math.max(q.days, 1), 365);
  const since = new Date(ctx.clock.now().getTime() - days * 86_400_000);
  let query = ctx.db
    .selectFrom('claim_events as e')
    .innerJoin('claims as c', 'c.id', 'e.claim_id')
    .where('e.organization_id', '=', ctx.organizationId)
    .where('c.organization_id', '=', ctx.organizationId)
    .where('e.at', '>=', since)
    .where('e.to_status', 'in', ['paid', 'partially_paid', 'denied'])
    .select([
      sql<number>`count(distinct e.claim_id)::int`.as('adjudicated'),
      sql<number>`(count(distinct e.claim_id) filter (where e.to_status = 'denied'))::int`.as('denied'),
    ]);
  if (q.locationId) query = query.where('c.location_id', '=', q.locationId);
  const r = await query.executeTakeFirstOrThrow();
  return {
    days,
    adjudicated: r.adjudicated,
    denied: r.denied,
    rate: r.adjudicated > 0 ? Math.round((1000 * r.denied) / r.adjudicated) / 10 : null,
  };
}
