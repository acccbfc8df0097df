import { diffFields, recordAudit } from '../audit/index.ts';
import { requirePermission } from '../access/index.ts';
import { type Ctx, inTransaction } from '../shared/context.ts';
import { AppError, invalid } from '../shared/errors.ts';
import { equipmentRoom, isSerialTaken, serialTaken } from './create-equipment.ts';
import { loadEquipment } from './equipment-row.ts';
import type { Equipment, EquipmentPatch } from './equipment.schemas.ts';

/** Edit equipment (room, serial number, vendor, service dates, retired), with If-Match. Open faults keep the room they were reported in. */
export async function updateEquipment(ctx: Ctx, id: string, patch: EquipmentPatch, expectedVersion: number): Promise<Equipment> {
  requirePermission(ctx, 'equipment:manage');
  return inTransaction(ctx, async (tx) => {
    const current = await loadEquipment(tx, id, 'equipment:manage');
    if (current.version !== expectedVersion)
      throw new AppError('VERSION_MISMATCH', `equipment is at version ${current.version}`, { extra: { current } });
    const room = patch.roomId ? await equipmentRoom(tx, patch.roomId) : null;
    if (room && room.locationId !== current.locationId) throw invalid('roomId', 'The room is at another location.');
    const next = {
      name: patch.name ?? current.name,
      room_id: patch.roomId === undefined ? current.roomId : patch.roomId,
      serial_number: patch.serialNumber === undefined ? current.serialNumber : patch.serialNumber,
      vendor: patch.vendor ?? current.vendor,
      vendor_phone: patch.vendorPhone === undefined ? current.vendorPhone : patch.vendorPhone,
      last_serviced_on: patch.lastServicedOn === undefined ? current.lastServicedOn : patch.lastServicedOn,
      service_due_on: patch.serviceDueOn === undefined ? current.serviceDueOn : patch.serviceDueOn,
      active: patch.active ?? current.active,
    };
    if (next.last_serviced_on && next.service_due_on && next.service_due_on < next.last_serviced_on)
      throw invalid('serviceDueOn', 'The next service cannot be due before the last one.');
    await mapSerialClash(tx, async () => {
      await tx.db
        .updateTable('equipment')
        .set({ ...next, version: current.version + 1, updated_at: tx.clock.now() })
        .where('id', '=', id)
        .execute();
    });
    await recordAudit(tx, {
      action: 'update',
      resourceType: 'equipment',
      resourceId: id,
      changes: diffFields(
        {
          name: current.name,
          roomId: current.roomId,
          serialNumber: current.serialNumber,
          vendor: current.vendor,
          vendorPhone: current.vendorPhone,
          lastServicedOn: current.lastServicedOn,
          serviceDueOn: current.serviceDueOn,
          active: current.active,
        },
        {
          name: next.name,
          roomId: next.room_id,
          serialNumber: next.serial_number,
          vendor: next.vendor,
          vendorPhone: next.vendor_phone,
          lastServicedOn: next.last_serviced_on,
          serviceDueOn: next.service_due_on,
          active: next.active,
        },
      ),
      details: null,
    });
    return loadEquipment(tx, id, 'equipment:manage');
  });
}

/** A duplicate serial number is a 409 naming the field, not a 500. */
async function mapSerialClash(_tx: Ctx, run: () => Promise<void>): Promise<void> {
  try {
    await run();
  } catch (e) {
    if (isSerialTaken(e)) throw serialTaken();
    throw e;
  }
}
