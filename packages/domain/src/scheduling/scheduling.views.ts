/**
 * The scheduling module's read surface for other modules (migrations 0092 and 0100, listed in its
 * manifest's `views`). Columns are read-only to Kysely (`never` on insert and update).
 */
import type { ColumnType } from 'kysely';
import type { AppointmentStatus } from './scheduling.tables.ts';

type Read<T> = ColumnType<T, never, never>;

export interface AppointmentTypeNamesView {
  id: Read<string>;
  organization_id: Read<string>;
  name: Read<string>;
}

export interface AppointmentTimesView {
  id: Read<string>;
  organization_id: Read<string>;
  starts_at: Read<Date>;
  status: Read<AppointmentStatus>;
  /** Migration 0125. */
  patient_id: Read<string>;
}

export interface SchedulingViews {
  appointment_type_names: AppointmentTypeNamesView;
  /** Migrations 0100 and 0125: visit times, statuses and patients (the reminder sweep, demo messages). */
  appointment_times: AppointmentTimesView;
}
