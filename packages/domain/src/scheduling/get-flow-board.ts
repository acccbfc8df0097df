import { requirePermission } from '../access/index.ts';
import { type Ctx, inTransaction } from '../shared/context.ts';
import { auditAppointmentPage, readAppointments } from './appointment-row.ts';
import { requireLocationZone } from './check-references.ts';
import { addDays, localDateOf, localToEpochMs } from './local-time.ts';
import type { FlowBoardItem } from './scheduling.schemas.ts';

/** The day at a location (default: today on its clock): each visit's status, arrival, minutes waiting, room and provider. */
export async function getFlowBoard(
  ctx: Ctx,
  q: { locationId: string; date?: string },
): Promise<{ date: string; timeZone: string; items: FlowBoardItem[] }> {
  requirePermission(ctx, 'appointment:read');
  return inTransaction(ctx, async (tx) => {
    const zone = await requireLocationZone(tx, q.locationId);
    const now = tx.clock.now().getTime();
    const date = q.date ?? localDateOf(now, zone);
    const rows = await readAppointments(tx, (base) =>
      base
        .innerJoin('provider_directory as pr', 'pr.id', 'a.provider_id')
        .leftJoin('room_directory as r', 'r.id', 'a.room_id')
        .select(['pr.given_name as provider_given', 'pr.family_name as provider_family', 'pr.credentials', 'r.name as room_name'])
        .where('a.location_id', '=', q.locationId)
        .where('a.starts_at', '>=', new Date(localToEpochMs(zone, date, '00:00')))
        .where('a.starts_at', '<', new Date(localToEpochMs(zone, addDays(date, 1), '00:00')))
        .where('a.status', 'not in', ['cancelled', 'rescheduled'])
        .orderBy('a.starts_at')
        .orderBy('a.id'),
    );
    await auditAppointmentPage(tx, rows, {
      action: 'search',
      resourceType: 'flow_board',
      resourceId: q.locationId,
      details: { date, count: rows.length },
    });
    const items = rows.map((r) => ({
      appointmentId: r.id,
      patientId: r.patient_id,
      patientName: r.patient_name,
      busy: r.busy,
      providerId: r.provider_id,
      providerName: `${r.provider_given} ${r.provider_family}${r.credentials ? `, ${r.credentials}` : ''}`,
      appointmentTypeName: r.type_name,
      start: r.starts_at.toISOString(),
      end: r.ends_at.toISOString(),
      status: r.status,
      arrivedAt: r.arrived_at ? r.arrived_at.toISOString() : null,
      minutesWaiting:
        r.arrived_at && (r.status === 'arrived' || r.status === 'roomed')
          ? Math.max(0, Math.floor((now - r.arrived_at.getTime()) / 60_000))
          : null,
      roomId: r.room_id,
      roomName: r.room_name,
      insuranceConfirmed: r.insurance_confirmed_at !== null,
      demographicsConfirmed: r.demographics_confirmed_at !== null,
    }));
    return { date, timeZone: zone, items };
  });
}

/** Check before opening a live stream: the permission, and that the location is the caller's. The stream carries ids and statuses only. */
export async function openFlowBoardStream(ctx: Ctx, locationId: string): Promise<void> {
  requirePermission(ctx, 'appointment:read');
  await requireLocationZone(ctx, locationId);
}
