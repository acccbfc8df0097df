import type { Ctx } from '../shared/context.ts';

/** Where each of these people works from (their profile's home location, null without one): for the rota. */
export async function homeLocationsOf(ctx: Ctx, userIds: readonly string[]): Promise<Map<string, string | null>> {
  const out = new Map<string, string | null>(userIds.map((id) => [id, null]));
  if (!userIds.length) return out;
  const rows = await ctx.db
    .selectFrom('staff_profiles')
    .select(['user_id', 'location_id'])
    .where('organization_id', '=', ctx.organizationId)
    .where('user_id', 'in', [...userIds])
    .execute();
  for (const r of rows) out.set(r.user_id, r.location_id);
  return out;
}
