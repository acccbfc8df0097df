/** Checks that ids a client sends belong to the caller's organization (NOT_FOUND-style 400 otherwise). */
import type { Ctx } from '../shared/context.ts';
import { invalid } from '../shared/errors.ts';

export async function requireProviders(ctx: Ctx, ids: readonly string[], path = 'providerIds'): Promise<void> {
  if (ids.length === 0) return;
  const rows = await ctx.db
    .selectFrom('providers')
    .select('id')
    .where('organization_id', '=', ctx.organizationId)
    .where('id', 'in', [...new Set(ids)])
    .execute();
  if (rows.length !== new Set(ids).size) throw invalid(path, 'unknown provider');
}

/** The location's IANA zone, or a validation error naming `path`. */
export async function requireLocationZone(ctx: Ctx, locationId: string, path = 'locationId'): Promise<string> {
  const row = await ctx.db
    .selectFrom('locations')
    .select('time_zone')
    .where('organization_id', '=', ctx.organizationId)
    .where('id', '=', locationId)
    .executeTakeFirst();
  if (!row) throw invalid(path, 'unknown location');
  return row.time_zone;
}
