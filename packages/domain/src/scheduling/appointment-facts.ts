/**
 * The plain facts of one appointment (no access check, no audit): for other modules' jobs
 * and system flows (reminders, signed links, waitlist offers) that must not query the
 * scheduling tables themselves. User-facing reads go through getAppointment.
 */
import type { Db } from '../shared/context.ts';

export interface AppointmentFacts {
  id: string;
  organizationId: string;
  patientId: string;
  providerId: string;
  locationId: string;
  appointmentTypeId: string;
  status: string;
  startsAt: Date;
  blockedUntil: Date;
  practiceName: string;
  locationName: string;
  /** The location's IANA time zone. */
  zone: string;
}

export async function loadAppointmentFacts(db: Db, organizationId: string, appointmentId: string): Promise<AppointmentFacts | null> {
  const row = await db
    .selectFrom('appointments as a')
    .innerJoin('location_directory as l', 'l.id', 'a.location_id')
    .innerJoin('organization_directory as o', 'o.id', 'a.organization_id')
    .select([
      'a.id',
      'a.organization_id',
      'a.patient_id',
      'a.provider_id',
      'a.location_id',
      'a.appointment_type_id',
      'a.status',
      'a.starts_at',
      'a.blocked_until',
      'o.name as practice',
      'l.name as location',
      'l.time_zone',
    ])
    .where('a.id', '=', appointmentId)
    .where('a.organization_id', '=', organizationId)
    .executeTakeFirst();
  if (!row) return null;
  return {
    id: row.id,
    organizationId: row.organization_id,
    patientId: row.patient_id,
    providerId: row.provider_id,
    locationId: row.location_id,
    appointmentTypeId: row.appointment_type_id,
    status: row.status,
    startsAt: new Date(row.starts_at),
    blockedUntil: new Date(row.blocked_until),
    practiceName: row.practice,
    locationName: row.location,
    zone: row.time_zone,
  };
}
