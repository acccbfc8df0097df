/** The few facts a patient message names: practice, place and clinic-local time of a visit. */
import { Temporal } from 'temporal-polyfill';
import { loadAppointmentFacts } from '../scheduling/index.ts';
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
  const a = await loadAppointmentFacts(db, organizationId, appointmentId);
  if (!a) return null;
  return {
    id: a.id,
    organizationId: a.organizationId,
    patientId: a.patientId,
    status: a.status,
    startsAt: a.startsAt,
    practiceName: a.practiceName,
    locationName: a.locationName,
    zone: a.zone,
    when: localWhen(a.startsAt, a.zone),
  };
}
