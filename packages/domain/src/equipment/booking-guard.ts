/**
 * The reaction to scheduling's `appointment.booking`: a room held by an open out-of-service
 * fault cannot be booked. A room the client chose is refused with 409 ROOM_OUT_OF_SERVICE
 * naming the fault; among the rooms scheduling may pick, the blocked ones are answered so it
 * picks another. Resolving the fault frees the room at once.
 */
import type { AppointmentBooking, BookingAnswer } from '../scheduling/index.ts';
import type { Ctx } from '../shared/context.ts';
import { AppError } from '../shared/errors.ts';

export async function keepOutOfServiceRooms(tx: Ctx, b: AppointmentBooking): Promise<BookingAnswer | undefined> {
  const rooms = b.roomId ? [b.roomId] : b.candidateRoomIds;
  if (rooms.length === 0) return undefined;
  const faults = await tx.db
    .selectFrom('equipment_faults as f')
    .innerJoin('equipment as e', 'e.id', 'f.equipment_id')
    .select(['f.id', 'f.room_id', 'f.description', 'f.severity', 'e.name'])
    .where('f.organization_id', '=', tx.organizationId)
    .where('f.room_id', 'in', rooms)
    .where('f.out_of_service', '=', true)
    .where('f.status', '<>', 'resolved')
    .orderBy('f.created_at')
    .execute();
  if (faults.length === 0) return undefined;
  const blocking = faults[0];
  if (b.roomId && blocking) {
    throw new AppError('ROOM_OUT_OF_SERVICE', `the room is out of service: ${blocking.name} (${blocking.description})`, {
      errors: [{ path: 'roomId', message: `Out of service: ${blocking.name}.` }],
      extra: { fault: { id: blocking.id, equipmentName: blocking.name, description: blocking.description, severity: blocking.severity } },
    });
  }
  return { unavailableRoomIds: [...new Set(faults.map((f) => f.room_id).filter((r): r is string => r !== null))] };
}
