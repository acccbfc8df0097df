import { localDateOf } from '../scheduling/index.ts';
import type { Ctx } from '../shared/context.ts';

/** Today at the desk's location (`x-location-id`), else at the practice's first active location; UTC without one. */
export async function practiceToday(ctx: Ctx, locationId?: string | null): Promise<string> {
  let q = ctx.db
    .selectFrom('location_directory')
    .select('time_zone')
    .where('organization_id', '=', ctx.organizationId)
    .orderBy('active', 'desc')
    .orderBy('name')
    .limit(1);
  const wanted = locationId ?? ctx.locationId;
  if (wanted) q = q.where('id', '=', wanted);
  const row = await q.executeTakeFirst();
  return localDateOf(ctx.clock.now().getTime(), row?.time_zone ?? 'UTC');
}
