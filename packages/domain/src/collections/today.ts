import { localDateOf } from '../scheduling/index.ts';
import type { Ctx } from '../shared/context.ts';

/** Today at a location (the desk's, else the practice's first active one, else UTC). */
export async function todayAt(ctx: Ctx, locationId: string | null): Promise<string> {
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
