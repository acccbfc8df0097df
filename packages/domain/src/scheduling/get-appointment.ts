import { requirePatientAccess } from '../access/index.ts';
import { requirePermission } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { type Ctx, inTransaction } from '../shared/context.ts';
import { AppError } from '../shared/errors.ts';
import { readAppointments, toAppointment } from './appointment-row.ts';
import type { Appointment, AppointmentDetail } from './scheduling.schemas.ts';

/**
 * Read one appointment without an access check or audit: for use cases that already did both
 * (a caller who may not open the patient's record would still get a busy block).
 */
export async function loadAppointment(ctx: Ctx, id: string): Promise<Appointment> {
  const [row] = await readAppointments(ctx, (q) => q.where('a.id', '=', id));
  if (!row) throw new AppError('NOT_FOUND', 'appointment not found');
  return toAppointment(row);
}

/** One appointment with its status history. Object access goes through the patient. */
export async function getAppointment(ctx: Ctx, id: string): Promise<AppointmentDetail> {
  requirePermission(ctx, 'appointment:read');
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw new AppError('NOT_FOUND', 'appointment not found');
  return inTransaction(ctx, async (tx) => {
    const head = await tx.db
      .selectFrom('appointments')
      .select('patient_id')
      .where('id', '=', id)
      .where('organization_id', '=', tx.organizationId)
      .executeTakeFirst();
    if (!head) throw new AppError('NOT_FOUND', 'appointment not found');
    const access = await requirePatientAccess(tx, head.patient_id, 'appointment:read');
    const appointment = await loadAppointment(tx, id);
    const events = await tx.db
      .selectFrom('appointment_events')
      .select(['from_status', 'to_status', 'at', 'user_id', 'details'])
      .where('appointment_id', '=', id)
      .orderBy('id')
      .execute();
    await recordAudit(tx, {
      action: 'read',
      resourceType: 'appointment',
      resourceId: id,
      access,
    });
    return {
      ...appointment,
      events: events.map((e) => ({
        fromStatus: e.from_status,
        toStatus: e.to_status,
        at: new Date(e.at).toISOString(),
        userId: e.user_id,
        details: e.details,
      })),
    };
  });
}
