import { diffFields, recordAudit } from '../audit/index.ts';
import { requirePermission } from '../access/index.ts';
import { inTransaction, type Ctx } from '../shared/context.ts';
import { AppError } from '../shared/errors.ts';
import { toRoom } from './provider-room-rows.ts';
import type { Room, RoomPatch } from './organizations.schemas.ts';

/**
 * Rename a room, change its kind, or take it out of service (`active: false`) and back. Visits
 * already placed in it keep it; an inactive room is no longer offered for new ones.
 * `expectedVersion` comes from If-Match.
 */
export async function updateRoom(ctx: Ctx, id: string, patch: RoomPatch, expectedVersion: number): Promise<Room> {
  requirePermission(ctx, 'location:manage');
  return inTransaction(ctx, async (tx) => {
    const current = await tx.db
      .selectFrom('rooms')
      .selectAll()
      .where('id', '=', id)
      .where('organization_id', '=', tx.organizationId)
      .forUpdate()
      .executeTakeFirst();
    if (!current) throw new AppError('NOT_FOUND', 'room not found');
    if (current.version !== expectedVersion) {
      throw new AppError('VERSION_MISMATCH', `room is at version ${current.version}`, { extra: { current: toRoom(current) } });
    }
    if (patch.name !== undefined && patch.name !== current.name) {
      const clash = await tx.db
        .selectFrom('rooms')
        .select('id')
        .where('location_id', '=', current.location_id)
        .where('name', '=', patch.name)
        .executeTakeFirst();
      if (clash) {
        throw new AppError('ALREADY_EXISTS', 'this location already has a room of that name', {
          errors: [{ path: 'name', message: 'already in use at this location' }],
        });
      }
    }
    const row = await tx.db
      .updateTable('rooms')
      .set({ ...patch, version: current.version + 1, updated_at: tx.clock.now() })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    const { version: _b, ...before } = toRoom(current);
    const { version: _a, ...after } = toRoom(row);
    await recordAudit(tx, { action: 'update', resourceType: 'room', resourceId: id, changes: diffFields(before, after) });
    return toRoom(row);
  });
}
