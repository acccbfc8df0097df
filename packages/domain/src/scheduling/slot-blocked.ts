/**
 * Whether other modules block one given slot (availability-constraints.ts), for flows that
 * offer a time they did not search for: a waitlist offer of a freed slot must not hold a
 * time booking would refuse (the provider's licence has lapsed by then, every room the type
 * needs is out of service). One snapshot and one query per constraint.
 */
import type { Ctx } from '../shared/context.ts';
import { startBlocked } from './availability-constraints.ts';
import { roomsFree, searchBlocks } from './find-availability.ts';
import { loadScheduleSnapshot } from './schedule-snapshot.ts';

const MINUTE = 60_000;

export async function slotBlocked(
  ctx: Ctx,
  slot: { appointmentTypeId: string; providerId: string; locationId: string; start: Date },
): Promise<boolean> {
  const s = slot.start.getTime();
  const snap = await loadScheduleSnapshot(ctx, {
    appointmentTypeId: slot.appointmentTypeId,
    providerIds: [slot.providerId],
    locationIds: [slot.locationId],
    from: slot.start,
    to: new Date(s + MINUTE),
  });
  if (!snap.type || !snap.zones.has(slot.locationId) || !snap.providerIds.includes(slot.providerId)) return false;
  const blocked = await searchBlocks(ctx, snap, s, s + MINUTE);
  if (startBlocked(blocked, slot.providerId, slot.locationId, s)) return true;
  const kinds = snap.type.resource_kinds;
  if (kinds.length === 0) return false;
  const span = (snap.type.duration_minutes + snap.type.buffer_minutes) * MINUTE;
  // Only the blocks count here: whether a room is free of other visits is booking's question at acceptance.
  const rooms = snap.rooms.map((r) => ({ ...r, busy: blocked.rooms.get(r.id) ?? [] }));
  return !roomsFree(rooms, slot.locationId, kinds, s, s + span);
}
