/** Query keys of scheduling: providers, rooms, types, working hours, appointments and open slots. */
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
  /** Every open-slot search (next available, filling a waiting-list entry by hand): booking or freeing time changes them all. */
  availabilitySearches: () => [...scheduleKeys.all, 'availability'] as const,
  availabilitySearch: (search: Record<string, unknown>) => [...scheduleKeys.availabilitySearches(), search] as const,
};
