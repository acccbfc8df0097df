import { recordAudit } from '../audit/index.ts';
import { requirePermission } from '../access/index.ts';
import { actorUserId, type Ctx, inTransaction } from '../shared/context.ts';
import { AppError } from '../shared/errors.ts';
import { loadEquipment, loadFault } from './equipment-row.ts';
import type { Fault, FaultInput } from './equipment.schemas.ts';

/**
 * Report a fault (the front desk may). `outOfService` blocks the equipment's room for booking
 * from now until the fault is resolved (the booking guard); the room is the one the equipment
 * is in now. Retired equipment takes no new faults (409).
 */
export async function reportFault(ctx: Ctx, equipmentId: string, input: FaultInput): Promise<Fault> {
  requirePermission(ctx, 'equipment:report');
  return inTransaction(ctx, async (tx) => {
    const equipment = await loadEquipment(tx, equipmentId, 'equipment:report');
    if (!equipment.active) throw new AppError('CONFLICT', 'this equipment is retired');
    const now = tx.clock.now();
    const row = await tx.db
      .insertInto('equipment_faults')
      .values({
        organization_id: tx.organizationId,
        equipment_id: equipment.id,
        room_id: equipment.roomId,
        location_id: equipment.locationId,
        reported_by: actorUserId(tx),
        description: input.description,
        severity: input.severity,
        out_of_service: input.outOfService,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(tx, {
      action: 'create',
      resourceType: 'equipment_fault',
      resourceId: row.id,
      details: { severity: input.severity, outOfService: input.outOfService, roomId: equipment.roomId },
    });
    return loadFault(tx, row.id, 'equipment:report');
  });
}
