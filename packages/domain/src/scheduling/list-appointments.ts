import { requirePatientAccess } from '../access/index.ts';
import { requirePermission } from '../access/index.ts';
import { type Ctx, inTransaction } from '../shared/context.ts';
import { invalid } from '../shared/errors.ts';
import { auditAppointmentPage, readAppointments, toAppointment } from './appointment-row.ts';
import type { Appointment } from './scheduling.schemas.ts';
import type { AppointmentStatus } from './scheduling.tables.ts';

export interface AppointmentFilter {
  from: Date;
  to: Date;
  providerIds?: string[];
  locationIds?: string[];
  /** Visits placed in or holding one of these rooms. */
  roomIds?: string[];
  patientId?: string;
  statuses?: AppointmentStatus[];
  limit?: number;
  cursor?: string;
}

/** Calendar view: appointments starting in [from, to), by start time, keyset-paged. One audit row per page. */
export async function listAppointments(ctx: Ctx, f: AppointmentFilter): Promise<{ items: Appointment[]; nextCursor: string | null }> {
  requirePermission(ctx, 'appointment:read');
  if (f.to <= f.from) throw invalid('to', 'must be after from');
  const limit = f.limit ?? 50;
  return inTransaction(ctx, async (tx) => {
    const access = f.patientId ? await requirePatientAccess(tx, f.patientId, 'appointment:read') : null;
    let cursorAt: { at: Date; id: string } | null = null;
    if (f.cursor) {
      const [ms, id] = Buffer.from(f.cursor, 'base64url').toString().split('|');
      if (!ms || !id || Number.isNaN(Number(ms)) || !/^[0-9a-f-]{36}$/.test(id)) throw invalid('cursor', 'not a cursor from this list');
      cursorAt = { at: new Date(Number(ms)), id };
    }
    const rows = await readAppointments(tx, (base) => {
      let q = base.where('a.starts_at', '>=', f.from).where('a.starts_at', '<', f.to);
      if (f.providerIds?.length) q = q.where('a.provider_id', 'in', f.providerIds);
      if (f.locationIds?.length) q = q.where('a.location_id', 'in', f.locationIds);
      if (f.roomIds?.length) {
        const rooms = f.roomIds;
        q = q.where((eb) => eb.or([eb('a.reserved_room_id', 'in', rooms), eb('a.room_id', 'in', rooms)]));
      }
      if (f.patientId) q = q.where('a.patient_id', '=', f.patientId);
      if (f.statuses?.length) q = q.where('a.status', 'in', f.statuses);
      if (cursorAt) {
        const { at, id } = cursorAt;
        q = q.where((eb) => eb.or([eb('a.starts_at', '>', at), eb.and([eb('a.starts_at', '=', at), eb('a.id', '>', id)])]));
      }
      return q
        .orderBy('a.starts_at')
        .orderBy('a.id')
        .limit(limit + 1);
    });
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    await auditAppointmentPage(tx, page, {
      action: 'search',
      resourceType: 'appointment',
      patientId: f.patientId ?? null,
      ...(access ? { access } : { breakGlass: false }),
      details: { count: page.length },
    });
    return {
      items: page.map(toAppointment),
      nextCursor: rows.length > limit && last ? Buffer.from(`${last.starts_at.getTime()}|${last.id}`).toString('base64url') : null,
    };
  });
}
