import type { ColumnType, Generated } from 'kysely';

type Created = ColumnType<Date, Date | string | undefined, never>;
type Updated = ColumnType<Date, Date | string | undefined, Date | string>;
type Instant = ColumnType<Date, Date | string, Date | string>;
type OptionalInstant = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
/** `time` columns read as 'HH:MM:SS'. */
type LocalTime = string;

export type AppointmentStatus =
  | 'scheduled'
  | 'confirmed'
  | 'arrived'
  | 'roomed'
  | 'with_provider'
  | 'checked_out'
  | 'cancelled'
  | 'no_show'
  | 'rescheduled';

export type CancelReason = 'patient' | 'clinic' | 'weather' | 'provider' | 'other';
export type ExceptionKind = 'time_off' | 'holiday' | 'blocked' | 'extra_hours';

export interface AppointmentTypesTable {
  id: Generated<string>;
  organization_id: string;
  name: string;
  duration_minutes: number;
  color: Generated<string>;
  patient_kind: Generated<'new' | 'established' | 'any'>;
  resource_kinds: ColumnType<string[], string[] | undefined, string[]>;
  provider_ids: ColumnType<string[], string[] | undefined, string[]>;
  buffer_minutes: Generated<number>;
  overbooking_allowed: Generated<boolean>;
  active: Generated<boolean>;
  version: Generated<number>;
  created_at: Created;
  updated_at: Updated;
}

export interface AvailabilityTemplatesTable {
  id: Generated<string>;
  organization_id: string;
  provider_id: string;
  location_id: string;
  weekday: number;
  start_time: LocalTime;
  end_time: LocalTime;
  effective_from: string;
  effective_to: string | null;
  version: Generated<number>;
  created_at: Created;
}

export interface AvailabilityExceptionsTable {
  id: Generated<string>;
  organization_id: string;
  provider_id: string | null;
  location_id: string | null;
  kind: ExceptionKind;
  start_date: string;
  end_date: string;
  start_time: LocalTime | null;
  end_time: LocalTime | null;
  reason: Generated<string>;
  created_at: Created;
}

export interface AppointmentSeriesTable {
  id: Generated<string>;
  organization_id: string;
  patient_id: string;
  provider_id: string;
  location_id: string;
  appointment_type_id: string;
  local_time: LocalTime;
  first_date: string;
  every_weeks: number;
  until_date: string | null;
  occurrence_count: number | null;
  except_dates: ColumnType<string[], string[] | undefined, string[]>;
  created_by: string | null;
  created_at: Created;
}

export interface AppointmentsTable {
  id: Generated<string>;
  organization_id: string;
  patient_id: string;
  provider_id: string;
  location_id: string;
  appointment_type_id: string;
  starts_at: Instant;
  ends_at: Instant;
  blocked_until: Instant;
  status: Generated<AppointmentStatus>;
  overbooked: Generated<boolean>;
  room_id: string | null;
  reserved_room_id: string | null;
  notes: Generated<string>;
  cancel_reason: CancelReason | null;
  cancel_note: string | null;
  series_id: string | null;
  rescheduled_from_id: string | null;
  rescheduled_to_id: string | null;
  confirmed_at: OptionalInstant;
  arrived_at: OptionalInstant;
  roomed_at: OptionalInstant;
  with_provider_at: OptionalInstant;
  checked_out_at: OptionalInstant;
  cancelled_at: OptionalInstant;
  /** The front desk's check-in ticks: when and by whom (null = not confirmed at this visit). */
  insurance_confirmed_at: OptionalInstant;
  insurance_confirmed_by: string | null;
  demographics_confirmed_at: OptionalInstant;
  demographics_confirmed_by: string | null;
  created_by: string | null;
  version: Generated<number>;
  created_at: Created;
  updated_at: Updated;
}

export interface AppointmentEventsTable {
  id: Generated<number>;
  organization_id: string;
  appointment_id: string;
  from_status: AppointmentStatus | null;
  to_status: AppointmentStatus;
  at: Instant;
  user_id: string | null;
  details: ColumnType<Record<string, unknown> | null, string | null, never>;
}

export interface SchedulingTables {
  appointment_types: AppointmentTypesTable;
  availability_templates: AvailabilityTemplatesTable;
  availability_exceptions: AvailabilityExceptionsTable;
  appointment_series: AppointmentSeriesTable;
  appointments: AppointmentsTable;
  appointment_events: AppointmentEventsTable;
}
