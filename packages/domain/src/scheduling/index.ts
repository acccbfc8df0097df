export { createAppointmentType } from './create-appointment-type.ts';
export { updateAppointmentType } from './update-appointment-type.ts';
export { listAppointmentTypes } from './list-appointment-types.ts';
export { loadAppointmentType } from './load-appointment-type.ts';
export { createAvailabilityTemplate } from './create-availability-template.ts';
export { updateAvailabilityTemplate } from './update-availability-template.ts';
export { deleteAvailabilityTemplate } from './delete-availability-template.ts';
export { listAvailabilityExceptions, listAvailabilityTemplates } from './list-availability-templates.ts';
export { createAvailabilityException, deleteAvailabilityException } from './create-availability-exception.ts';
export { listExceptionCollisions } from './list-exception-collisions.ts';
export { type AvailabilityQuery, findAvailability } from './find-availability.ts';
export {
  type AvailabilityBlocks,
  type AvailabilityConstraintQuery,
  availabilityConstraints,
} from './availability-constraints.ts';
export { slotBlocked } from './slot-blocked.ts';
export { bookAppointment } from './book-appointment.ts';
export { bookAppointmentSeries } from './book-appointment-series.ts';
export { cancelAppointment } from './cancel-appointment.ts';
export { appointmentCancelled, type CancelledAppointment } from './cancel-hooks.ts';
export { type AppointmentBooking, appointmentBooking, type BookingAnswer } from './booking-hooks.ts';
export { changeAppointmentStatus } from './change-appointment-status.ts';
export { confirmCheckIn } from './confirm-check-in.ts';
export { rescheduleAppointment } from './reschedule-appointment.ts';
export { getAppointment } from './get-appointment.ts';
export { type AppointmentFilter, listAppointments } from './list-appointments.ts';
export { listPatientAppointments, type PatientAppointmentCounts } from './list-patient-appointments.ts';
export { getFlowBoard, openFlowBoardStream } from './get-flow-board.ts';
export { handleNoShowJob } from './mark-no-show.ts';
export { NO_SHOW_QUEUE } from './insert-appointment.ts';
export { TRANSITIONS } from './appointment-status.ts';
export { ACTIVE_STATUSES } from './schedule-snapshot.ts';
export { addDays, isoWeekday, localDateOf, localTimeOf, localToEpochMs, parseStart } from './local-time.ts';
export * from './scheduling.schemas.ts';
export type { AppointmentStatus, CancelReason, SchedulingTables } from './scheduling.tables.ts';
export { seedSchedulingDemo } from './seed-scheduling-demo.ts';
export { createIcalToken } from './create-ical-token.ts';
export { revokeIcalToken } from './revoke-ical-token.ts';
export { getIcalFeed } from './get-ical-feed.ts';
export { printDaySchedule } from './print-day-schedule.ts';
export type { IcalTables } from './ical.tables.ts';
export { type AppointmentFacts, loadAppointmentFacts } from './appointment-facts.ts';
export {
  type NoShowWeek,
  noShowTrend,
  type ProviderUtilization,
  providerUtilization,
  type TodayFlow,
  todayFlow,
  UTILIZATION_PROVIDERS_MAX,
} from './office-stats.ts';
export { roomBookingCounts } from './room-booking-counts.ts';
