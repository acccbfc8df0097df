import { localDateOf } from '../scheduling/index.ts';
import type { Ctx } from '../shared/context.ts';

/**
 * Today's date where the desk works: at the location chosen in the app (x-location-id), else
 * at the practice's first active location, else in UTC. "Overdue" means due before this date,
 * so a recall due today is not overdue yet in Denver when it is already tomorrow in UTC.
 */
export async function todayAtLocation(ctx: Ctx, locationId: string | null = ctx.locationId): Promise<string> {
  let q = ctx.db
    .selectFrom('location_directory')
    .select('time_zone')
    .where('organization_id', '=', ctx.organizationId)
    .orderBy('active', 'desc')
    .orderBy('name')
    .limit(1);
  if (locationId) q = q.where('id', '=', locationId);
  const row = await q.executeTakeFirst();
  return localDateOf(ctx.clock.now().getTime(), row?.time_zone ?? 'UTC');
}
