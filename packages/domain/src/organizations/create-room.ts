import { recordAudit } from '../audit/index.ts';
import { requirePermission } from '../access/index.ts';
import { inTransaction, type Ctx } from '../shared/context.ts';
import { AppError, invalid } from '../shared/errors.ts';
import { toRoom } from './provider-room-rows.ts';
import type { Room, RoomInput } from './organizations.schemas.ts';

/** Add a room at one of the practice's active locations; names are unique per location. */
export async function createRoom(ctx: Ctx, input: RoomInput): Promise<Room> {
  requirePermission(ctx, 'location:manage');
  return inTransaction(ctx, async (tx) => {
    const location = await tx.db
      .selectFrom('locations')
      .select(['id', 'active'])
      .where('id', '=', input.locationId)
      .where('organization_id', '=', tx.organizationId)
      .executeTakeFirst();
    // Another practice's location is as unknown as a missing one, and named as the field it came in.
    if (!location) throw invalid('locationId', 'no such location');
    if (!location.active) throw invalid('locationId', 'the location is closed: reopen it first');
    const row = await tx.db
      .insertInto('rooms')
      .values({ organization_id: tx.organizationId, location_id: input.locationId, name: input.name, kind: input.kind })
      .onConflict((oc) => oc.columns(['location_id', 'name']).doNothing())
      .returningAll()
      .executeTakeFirst();
    if (!row) {
      throw new AppError('ALREADY_EXISTS', 'this location already has a room of that name', {
        errors: [{ path: 'name', message: 'already in use at this location' }],
      });
    }
    await recordAudit(tx, {
      action: 'create',
      resourceType: 'room',
      resourceId: row.id,
      details: { name: row.name, locationId: row.location_id },
    });
    return toRoom(row);
  });
}
