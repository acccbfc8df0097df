import type { Ctx } from '../shared/context.ts';
import { toLocation } from './location-row.ts';
import type { Location } from './organizations.schemas.ts';

/** The organization's locations, by name. */
export async function listLocations(ctx: Ctx, opts: { includeInactive?: boolean } = {}): Promise<Location[]> {
  let q = ctx.db.selectFrom('locations').selectAll().where('organization_id', '=', ctx.organizationId);
  if (!opts.includeInactive) q = q.where('active', '=', true);
  return (await q.orderBy('name').execute()).map(toLocation);
}
