/**
 * The reaction to scheduling's `availability.constraints`: the days a provider may not be
 * booked at a location because their licence for its state has lapsed, by the booking
 * guard's rule (booking-guard.ts): a provider holding licences for the state is blocked
 * from the day after the latest of them expires; one with none for the state is not. One
 * query for the whole search (its providers × locations, grouped).
 */
import { sql } from 'kysely';
import type { AvailabilityBlocks, AvailabilityConstraintQuery } from '../scheduling/index.ts';
import { addDays } from '../scheduling/index.ts';
import type { Ctx } from '../shared/context.ts';

export async function lapsedLicenceDays(ctx: Ctx, q: AvailabilityConstraintQuery): Promise<AvailabilityBlocks | undefined> {
  if (q.providerIds.length === 0 || q.locationIds.length === 0) return undefined;
  const rows = await ctx.db
    .selectFrom('credentials as c')
    .innerJoin('location_directory as l', (j) => j.onRef('l.organization_id', '=', 'c.organization_id').onRef('l.state', '=', 'c.state'))
    .select(['c.provider_id', 'l.id as location_id', sql<string>`max(c.expires_on)::text`.as('latest')])
    .where('c.organization_id', '=', ctx.organizationId)
    .where('c.kind', '=', 'license')
    .where('c.provider_id', 'in', q.providerIds)
    .where('l.id', 'in', q.locationIds)
    .groupBy(['c.provider_id', 'l.id'])
    .having(sql<string>`max(c.expires_on)`, '<', q.toDate)
    .execute();
  if (rows.length === 0) return undefined;
  return {
    providerDays: rows.map((r) => ({
      providerId: r.provider_id as string,
      locationId: r.location_id,
      fromDate: addDays(r.latest, 1),
      toDate: null,
    })),
  };
}
