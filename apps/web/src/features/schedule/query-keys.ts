/** Query keys of scheduling: providers, rooms, types, working hours, appointments and open slots. */
import { waitlistKeys } from '../waitlist/query-keys.ts';

export const scheduleKeys = {
  all: ['schedule'] as const,
  providers: () => [...scheduleKeys.all, 'providers'] as const,
  /** Every rooms list (Admin → Locations changes them; the schedule and flow board read them). */
  roomLists: () => [...scheduleKeys.all, 'rooms'] as const,
  rooms: (locationId: string | null) => [...scheduleKeys.roomLists(), locationId] as const,
  appointmentTypes: () => [...scheduleKeys.all, 'appointment-types'] as const,
  templateLists: () => [...scheduleKeys.all, 'templates'] as const,
  templateList: (locationId: string | null) => [...scheduleKeys.templateLists(), locationId] as const,
  exceptionLists: () => [...scheduleKeys.all, 'exceptions'] as const,
  exceptionList: (providerId: string, locationId: string) => [...scheduleKeys.exceptionLists(), providerId, locationId] as const,
  appointmentLists: () => [...scheduleKeys.all, 'appointments'] as const,
  appointmentList: (locationId: string | null, from: string, to: string) =>
    [...scheduleKeys.appointmentLists(), locationId, from, to] as const,
  /** A patient's visits (the chart's Visits tab): under the appointment lists, so any booking or move refreshes it. */
  patientAppointments: (patientId: string) => [...scheduleKeys.appointmentLists(), 'patient', patientId] as const,
  /** Every open-slot search (next available, filling a waiting-list entry by hand): booking or freeing time changes them all. */
  availabilitySearches: () => [...scheduleKeys.all, 'availability'] as const,
  availabilitySearch: (search: Record<string, unknown>) => [...scheduleKeys.availabilitySearches(), search] as const,
  /** Exceptions over a calendar window (shading time off and blocked time). */
  exceptionWindow: (locationId: string | null, from: string, to: string) =>
    [...scheduleKeys.exceptionLists(), 'window', locationId, from, to] as const,
  /** The booked visits a time off falls on (moving or cancelling one changes it, as any appointment change). */
  collisions: (exceptionId: string) => [...scheduleKeys.appointmentLists(), 'collisions', exceptionId] as const,
  /** Waiting patients who could take a freed slot: a waiting-list read, refreshed with the waiting list. */
  waitlistMatches: (appointmentTypeId: string) => [...waitlistKeys.entryLists(), 'for-type', appointmentTypeId] as const,
};
