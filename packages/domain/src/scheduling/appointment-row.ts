/** The one query shape appointments are read with, and its mapping to the API object. */
import { sql } from 'kysely';
import { actorUserId, type Ctx } from '../shared/context.ts';
import type { Appointment } from './scheduling.schemas.ts';
import type { AppointmentStatus, CancelReason } from './scheduling.tables.ts';

export interface AppointmentRow {
  id: string;
  patient_id: string;
  patient_name: string;
  provider_id: string;
  location_id: string;
  appointment_type_id: string;
  type_name: string;
  starts_at: Date;
  ends_at: Date;
  status: AppointmentStatus;
  overbooked: boolean;
  room_id: string | null;
  reserved_room_id: string | null;
  notes: string;
  cancel_reason: CancelReason | null;
  cancel_note: string | null;
  series_id: string | null;
  rescheduled_from_id: string | null;
  rescheduled_to_id: string | null;
  arrived_at: Date | null;
  insurance_confirmed_at: Date | null;
  demographics_confirmed_at: Date | null;
  version: number;
}

/**
 * Appointments of the caller's organization with patient and type names. A restricted
 * patient's name shows only to the care team (and the system); others see "Restricted patient".
 */
export function selectAppointments(ctx: Ctx) {
  const userId = actorUserId(ctx);
  const seesRestricted = ctx.actor.kind === 'system';
  return ctx.db
    .selectFrom('appointments as a')
    .innerJoin('patients as p', 'p.id', 'a.patient_id')
    .innerJoin('appointment_types as t', 't.id', 'a.appointment_type_id')
    .where('a.organization_id', '=', ctx.organizationId)
    .select([
      'a.id',
      'a.patient_id',
      sql<string>`case when not p.restricted or ${seesRestricted} or exists (
        select 1 from patient_care_team ct where ct.patient_id = p.id and ct.user_id = ${userId}::uuid)
        then p.given_name || ' ' || p.family_name else 'Restricted patient' end`.as('patient_name'),
      'a.provider_id',
      'a.location_id',
      'a.appointment_type_id',
      't.name as type_name',
      'a.starts_at',
      'a.ends_at',
      'a.status',
      'a.overbooked',
      'a.room_id',
      'a.reserved_room_id',
      'a.notes',
      'a.cancel_reason',
      'a.cancel_note',
      'a.series_id',
      'a.rescheduled_from_id',
      'a.rescheduled_to_id',
      'a.arrived_at',
      'a.insurance_confirmed_at',
      'a.demographics_confirmed_at',
      'a.version',
    ]);
}

export function toAppointment(r: AppointmentRow): Appointment {
  return {
    id: r.id,
    patientId: r.patient_id,
    patientName: r.patient_name,
    providerId: r.provider_id,
    locationId: r.location_id,
    appointmentTypeId: r.appointment_type_id,
    appointmentTypeName: r.type_name,
    start: r.starts_at.toISOString(),
    end: r.ends_at.toISOString(),
    status: r.status,
    overbooked: r.overbooked,
    roomId: r.room_id,
    reservedRoomId: r.reserved_room_id,
    notes: r.notes,
    cancelReason: r.cancel_reason,
    cancelNote: r.cancel_note,
    seriesId: r.series_id,
    rescheduledFromId: r.rescheduled_from_id,
    rescheduledToId: r.rescheduled_to_id,
    arrivedAt: r.arrived_at ? r.arrived_at.toISOString() : null,
    insuranceConfirmedAt: r.insurance_confirmed_at ? r.insurance_confirmed_at.toISOString() : null,
    demographicsConfirmedAt: r.demographics_confirmed_at ? r.demographics_confirmed_at.toISOString() : null,
    version: r.version,
  };
}
