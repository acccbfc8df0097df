/**
 * The organization's providers, locations and rooms by id, for other modules' checks and
 * lookups (a client's ids, a feed's provider, the room a visit is placed in). Only the
 * caller's organization; inactive ones included (the caller decides what inactive means
 * there). One query whatever the number of ids; unknown ids are simply absent.
 */
import type { Ctx } from '../shared/context.ts';
import { toProvider, toRoom } from './provider-room-rows.ts';
import { toLocation } from './location-row.ts';
import type { Location, Provider, Room } from './organizations.schemas.ts';

const unique = (ids: readonly string[]) => [...new Set(ids)];

export async function providersByIds(ctx: Ctx, ids: readonly string[]): Promise<Provider[]> {
  if (ids.length === 0) return [];
  const rows = await ctx.db
    .selectFrom('providers')
    .selectAll()
    .where('organization_id', '=', ctx.organizationId)
    .where('id', 'in', unique(ids))
    .execute();
  return rows.map(toProvider);
}

export async function locationsByIds(ctx: Ctx, ids: readonly string[]): Promise<Location[]> {
  if (ids.length === 0) return [];
  const rows = await ctx.db
    .selectFrom('locations')
    .selectAll()
    .where('organization_id', '=', ctx.organizationId)
    .where('id', 'in', unique(ids))
    .execute();
  return rows.map(toLocation);
}

export async function roomsByIds(ctx: Ctx, ids: readonly string[]): Promise<Room[]> {
  if (ids.length === 0) return [];
  const rows = await ctx.db
    .selectFrom('rooms')
    .selectAll()
    .where('organization_id', '=', ctx.organizationId)
    .where('id', 'in', unique(ids))
    .execute();
  return rows.map(toRoom);
}
