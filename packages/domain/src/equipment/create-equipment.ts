import { actingLocation, requireAt } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { roomsByIds } from '../organizations/index.ts';
import { type Ctx, inTransaction } from '../shared/context.ts';
import { AppError, invalid } from '../shared/errors.ts';
import { loadEquipment } from './equipment-row.ts';
import type { Equipment, EquipmentInput } from './equipment.schemas.ts';

/** The room equipment is kept in: an active room of the practice where the caller manages equipment (else 400 naming roomId). */
export async function equipmentRoom(tx: Ctx, roomId: string): Promise<{ id: string; locationId: string }> {
  const [room] = await roomsByIds(tx, [roomId]);
  if (!room?.active) throw invalid('roomId', 'Unknown or inactive room.');
  try {
    requireAt(tx, 'equipment:manage', room.locationId, 'room');
  } catch {
    throw invalid('roomId', 'Unknown or inactive room.');
  }
  return { id: room.id, locationId: room.locationId };
}

export function isSerialTaken(e: unknown): boolean {
  return (
    (e as { code?: string; constraint?: string })?.code === '23505' &&
    (e as { constraint?: string }).constraint === 'equipment_organization_id_serial_number_key'
  );
}

export const serialTaken = () =>
  new AppError('ALREADY_EXISTS', 'equipment with this serial number exists', {
    errors: [{ path: 'serialNumber', message: 'Another piece of equipment has this serial number.' }],
  });

/** Add equipment to the inventory, in a room (its location follows) or at a location. */
export async function createEquipment(ctx: Ctx, input: EquipmentInput): Promise<Equipment> {
  return inTransaction(ctx, async (tx) => {
    const room = input.roomId ? await equipmentRoom(tx, input.roomId) : null;
    if (room && input.locationId && input.locationId !== room.locationId) throw invalid('locationId', 'The room is at another location.');
    const locationId = room?.locationId ?? (await actingLocation(tx, 'equipment:manage', input.locationId)).id;
    if (input.lastServicedOn && input.serviceDueOn && input.serviceDueOn < input.lastServicedOn)
      throw invalid('serviceDueOn', 'The next service cannot be due before the last one.');
    const now = tx.clock.now();
    const row = await tx.db
      .insertInto('equipment')
      .values({
        organization_id: tx.organizationId,
        location_id: locationId,
        room_id: room?.id ?? null,
        name: input.name,
        serial_number: input.serialNumber ?? null,
        vendor: input.vendor,
        vendor_phone: input.vendorPhone ?? null,
        last_serviced_on: input.lastServicedOn ?? null,
        service_due_on: input.serviceDueOn ?? null,
        created_at: now,
        updated_at: now,
      })
      .onConflict((oc) => oc.columns(['organization_id', 'serial_number']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!row) throw serialTaken();
    await recordAudit(tx, { action: 'create', resourceType: 'equipment', resourceId: row.id, details: null });
    return loadEquipment(tx, row.id, 'equipment:manage');
  });
}
