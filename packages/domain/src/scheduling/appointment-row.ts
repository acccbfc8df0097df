/**
 * The one way appointments are read (readAppointments), its mapping to the API object, and
 * the busy block: a restricted patient's visit shown to someone outside the record's care team.
 */
import { sql } from 'kysely';
import { type PatientAccess, patientAccessMany } from '../access/index.ts';
import { type AuditEventInput, recordAudit } from '../audit/index.ts';
import type { Ctx } from '../shared/context.ts';
import type { Appointment } from './scheduling.schemas.ts';
import type { AppointmentStatus, CancelReason } from './scheduling.tables.ts';

/** What a busy block shows instead of the patient and the type. */
export const BUSY_PATIENT_NAME = 'Restricted patient';
export const BUSY_TYPE_NAME = 'Busy';

export interface AppointmentRow {
  id: string;
  patient_id: string;
  patient_name: string;
  patient_restricted: boolean;
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
 * A row as the caller may see it. `busy`: the patient's record is restricted and the caller
 * may not open it (not on its care team, no break-glass grant). A busy row keeps what the
 * schedule needs to show the slot taken (times, provider, location, rooms, status, arrival,
 * overbooked, version); the patient, the type, notes, the cancel note and reason, the links
 * to the patient's other visits (series, reschedule) and the check-in ticks are placeholders.
 * `access`: the decision the details rest on (null on a busy row), for the audit row.
 */
export type ShownRow<R extends AppointmentRow = AppointmentRow> = Omit<R, 'patient_id' | 'appointment_type_id'> & {
  patient_id: string | null;
  appointment_type_id: string | null;
  busy: boolean;
  access: PatientAccess | null;
};

/**
 * Appointments of the caller's organization with patient and type names, not yet decided
 * for the caller: only readAppointments executes it.
 */
function selectAppointments(ctx: Ctx) {
  return ctx.db
    .selectFrom('appointments as a')
    .innerJoin('patient_names as p', 'p.id', 'a.patient_id')
    .innerJoin('appointment_types as t', 't.id', 'a.appointment_type_id')
    .where('a.organization_id', '=', ctx.organizationId)
    .select([
      'a.id',
      'a.patient_id',
      sql<string>`p.given_name || ' ' || p.family_name`.as('patient_name'),
      'p.restricted as patient_restricted',
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

export type AppointmentQuery = ReturnType<typeof selectAppointments>;

/**
 * Run an appointment query (`shape` adds filters, joins and order to the base query) and
 * decide the page for the caller at once (patientAccessMany: one query, only when the page
 * holds a restricted patient): rows the caller may not open come back as busy blocks.
 */
export async function readAppointments<R extends AppointmentRow>(
  ctx: Ctx,
  shape: (q: AppointmentQuery) => { execute(): Promise<R[]> },
): Promise<ShownRow<R>[]> {
  const rows = await shape(selectAppointments(ctx)).execute();
  const access = await patientAccessMany(
    ctx,
    rows.map((r) => ({ id: r.patient_id, restricted: r.patient_restricted })),
  );
  return rows.map((r) => {
    const decided = access.get(r.patient_id) ?? null;
    if (decided) return { ...r, busy: false, access: decided };
    return {
      ...r,
      patient_id: null,
      patient_name: BUSY_PATIENT_NAME,
      appointment_type_id: null,
      type_name: BUSY_TYPE_NAME,
      notes: '',
      cancel_reason: null,
      cancel_note: null,
      series_id: null,
      rescheduled_from_id: null,
      rescheduled_to_id: null,
      insurance_confirmed_at: null,
      demographics_confirmed_at: null,
      busy: true,
      access: null,
    };
  });
}

/**
 * The audit row of a page of appointments: `details` plus the ids of the patients whose
 * details were shown (`patientIds`) and how many busy blocks (`busy`, when any). A patient
 * shown under a break-glass grant also gets a row of its own, flagged with the grant, so the
 * break-glass review finds it (the page row's own `patientId`, when set, already is that row).
 */
export async function auditAppointmentPage(ctx: Ctx, rows: readonly ShownRow<AppointmentRow>[], event: AuditEventInput): Promise<void> {
  const shown = new Map<string, PatientAccess>();
  let busy = 0;
  for (const r of rows) {
    if (r.access) shown.set(r.access.patientId, r.access);
    else busy++;
  }
  await recordAudit(ctx, {
    ...event,
    details: { ...event.details, patientIds: [...shown.keys()], ...(busy > 0 && { busy }) },
  });
  for (const access of shown.values()) {
    if (!access.breakGlass || access.patientId === event.patientId) continue;
    await recordAudit(ctx, { action: event.action, resourceType: event.resourceType, resourceId: event.resourceId ?? null, access });
  }
}

export function toAppointment(r: ShownRow<AppointmentRow>): Appointment {
  return {
    id: r.id,
    patientId: r.patient_id,
    patientName: r.patient_name,
    busy: r.busy,
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
