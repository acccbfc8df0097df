import { sql } from 'kysely';
import { requirePatientAccess } from '../access/index.ts';
import { requirePermission } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { type Ctx, inTransaction } from '../shared/context.ts';
import { readAppointments, toAppointment } from './appointment-row.ts';
import type { Appointment } from './scheduling.schemas.ts';

export interface PatientAppointmentCounts {
  total: number;
  upcoming: number;
  completed: number;
  cancelled: number;
  noShow: number;
}

/** A patient's appointments (newest first, at most 200) with counts, including no-shows. */
export async function listPatientAppointments(
  ctx: Ctx,
  patientId: string,
): Promise<{ items: Appointment[]; nextCursor: null; counts: PatientAppointmentCounts }> {
  requirePermission(ctx, 'appointment:read');
  return inTransaction(ctx, async (tx) => {
    const access = await requirePatientAccess(tx, patientId, 'appointment:read');
    const rows = await readAppointments(tx, (q) => q.where('a.patient_id', '=', patientId).orderBy('a.starts_at', 'desc').limit(200));
    const now = tx.clock.now();
    const c = await tx.db
      .selectFrom('appointments')
      .where('patient_id', '=', patientId)
      .where('organization_id', '=', tx.organizationId)
      .select([
        sql<number>`count(*) filter (where status <> 'rescheduled')::int`.as('total'),
        sql<number>`count(*) filter (where status in ('scheduled', 'confirmed') and starts_at >= ${now})::int`.as('upcoming'),
        sql<number>`count(*) filter (where status = 'checked_out')::int`.as('completed'),
        sql<number>`count(*) filter (where status = 'cancelled')::int`.as('cancelled'),
        sql<number>`count(*) filter (where status = 'no_show')::int`.as('noShow'),
      ])
      .executeTakeFirstOrThrow();
    await recordAudit(tx, {
      action: 'read',
      resourceType: 'patient_appointments',
      resourceId: patientId,
      access,
      details: { count: rows.length },
    });
    return { items: rows.map(toAppointment), nextCursor: null, counts: c };
  });
}
