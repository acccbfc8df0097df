import { recordAudit } from '../audit/index.ts';
import { requirePermission } from '../access/index.ts';
import { inTransaction, type Ctx } from '../shared/context.ts';
import { AppError } from '../shared/errors.ts';
import { toLocation, toLocationColumns } from './location-row.ts';
import type { Location, LocationInput } from './organizations.schemas.ts';

/** Add a practice location (address, time zone, place of service, billing NPI and TIN). */
export async function createLocation(ctx: Ctx, input: LocationInput): Promise<Location> {
  requirePermission(ctx, 'location:manage');
  return inTransaction(ctx, async (tx) => {
    const clash = await tx.db
      .selectFrom('locations')
      .select('id')
      .where('organization_id', '=', tx.organizationId)
      .where('name', '=', input.name)
      .executeTakeFirst();
    if (clash)
      throw new AppError('ALREADY_EXISTS', 'a location with this name exists', { errors: [{ path: 'name', message: 'already in use' }] });
    const row = await tx.db
      .insertInto('locations')
      .values({ organization_id: tx.organizationId, ...(toLocationColumns(input) as { name: string; time_zone: string }) })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(tx, { action: 'create', resourceType: 'location', resourceId: row.id, details: { name: row.name } });
    return toLocation(row);
  });
}
