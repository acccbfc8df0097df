import type { Ctx } from '../shared/context.ts';
import { toProvider, toRoom } from './provider-room-rows.ts';
import type { Provider, Room } from './organizations.schemas.ts';

/** Active providers of the organization. */
export async function listProviders(ctx: Ctx): Promise<Provider[]> {
  const rows = await ctx.db
    .selectFrom('providers')
    .selectAll()
    .where('organization_id', '=', ctx.organizationId)
    .where('active', '=', true)
    .orderBy('family_name')
    .orderBy('given_name')
    .execute();
  return rows.map(toProvider);
}

/** Rooms in service, optionally of one location; with `includeInactive`, those taken out of service too. */
export async function listRooms(ctx: Ctx, locationId?: string, opts: { includeInactive?: boolean } = {}): Promise<Room[]> {
  let q = ctx.db.selectFrom('rooms').selectAll().where('organization_id', '=', ctx.organizationId);
  if (!opts.includeInactive) q = q.where('active', '=', true);
  if (locationId) q = q.where('location_id', '=', locationId);
  const rows = await q.orderBy('name').execute();
  return rows.map(toRoom);
}
