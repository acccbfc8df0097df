import type { Ctx } from '../shared/context.ts';
import { toLocation } from './location-row.ts';
import type { Location } from './organizations.schemas.ts';

/**
 * What a printed page is headed with: the practice's name and the location (name, address,
 * phone, clock), in one query. Null when the location is not the caller's organization's.
 */
export async function locationLetterhead(ctx: Ctx, locationId: string): Promise<{ practice: string; location: Location } | null> {
  const row = await ctx.db
    .selectFrom('locations as l')
    .innerJoin('organizations as o', 'o.id', 'l.organization_id')
    .selectAll('l')
    .select('o.name as practice')
    .where('l.organization_id', '=', ctx.organizationId)
    .where('l.id', '=', locationId)
    .executeTakeFirst();
  if (!row) return null;
  const { practice, ...location } = row;
  return { practice, location: toLocation(location) };
}
