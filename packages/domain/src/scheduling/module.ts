import { defineModule } from '../module-manifest.ts';
import { schedulingAuditEvents } from './scheduling.audit.ts';
import { NO_SHOW_QUEUE } from './insert-appointment.ts';
import { handleNoShowJob } from './mark-no-show.ts';
import { seedSchedulingDemo } from './seed-scheduling-demo.ts';

/** Appointment types, templates and exceptions, availability, booking, the visit flow, iCal feeds, day sheets. */
export const schedulingModule = defineModule({
  name: 'scheduling',
  tables: [
    'appointment_types',
    'availability_templates',
    'availability_exceptions',
    'appointment_series',
    'appointments',
    'appointment_events',
    'provider_ical_tokens',
  ],
  // Appointment type names for other modules' lists (migration 0092, scheduling.views.ts).
  views: ['appointment_type_names', 'appointment_times'],
  jobs: { [NO_SHOW_QUEUE]: handleNoShowJob },
  demo: seedSchedulingDemo,
  // Visits, past and booked, follow the patient; their history is unchanged.
  merge: { 'appointments.patient_id': 'move', 'appointment_series.patient_id': 'move' },
  audit: schedulingAuditEvents,
});
