/** The few facts a patient message names: practice, place and clinic-local time of a visit. */
import { Temporal } from 'temporal-polyfill';
import type { Db } from '../shared/context.ts';

export interface AppointmentSummary {
  id: string;
  organizationId: string;
  patientId: string;
  status: string;
  startsAt: Date;
  practiceName: string;
  locationName: string;
  zone: string;
  /** "Wednesday, March 4, 2026 at 9:00 AM" on the location's wall clock. */
  when: string;
}

/** Format an instant on a location's wall clock. */
export function localWhen(at: Date, zone: string): string {
  return Temporal.Instant.fromEpochMilliseconds(at.getTime())
    .toZonedDateTimeISO(zone)
    .toLocaleString('en-US', { dateStyle: 'full', timeStyle: 'short' });
}

export async function loadAppointmentSummary(db: Db, organizationId: string, appointmentId: string): Promise<AppointmentSummary | null> {
  const row = await db
    .selectFrom('appointments as a')
    .innerJoin('locations as l', 'l.id', 'a.location_id')
    .innerJoin('organizations as o', 'o.id', 'a.organization_id')
    .select([
      'a.id',
      'a.organization_id',
      'a.patient_id',
      'a.status',
      'a.starts_at',
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
    status: row.status,
    startsAt: row.starts_at,
    practiceName: row.practice,
    locationName: row.location,
    zone: row.time_zone,
    when: localWhen(row.starts_at, row.time_zone),
  };
}
