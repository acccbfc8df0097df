import { z } from 'zod';
import { auditIdsSchema, defineAuditEvents } from '../shared/audit-events.ts';
import { CANCEL_REASONS } from './scheduling.schemas.ts';

const count = z.number().int().nonnegative();

/**
 * A page of appointments (auditAppointmentPage): the patients whose details were shown and
 * how many busy blocks. Null on the extra row of a patient shown under a break-glass grant.
 */
const page = <S extends z.core.$ZodLooseShape>(shape: S) =>
  z.strictObject({ ...shape, count, patientIds: auditIdsSchema, busy: count.optional() }).nullable();

/** The audit events the scheduling module writes (see shared/audit-events.ts). */
export const schedulingAuditEvents = defineAuditEvents({
  'create:appointment_type': { about: 'an appointment type was added', details: z.strictObject({ name: z.string() }) },
  'update:appointment_type': { about: 'an appointment type was edited (`changes`)', details: z.null() },
  'create:availability_template': { about: "a provider's weekly hours were added", details: z.strictObject({ providerId: z.guid() }) },
  'update:availability_template': { about: 'weekly hours were edited (`changes`)', details: z.null() },
  'delete:availability_template': { about: 'weekly hours were removed', details: z.strictObject({ providerId: z.guid() }) },
  'create:availability_exception': {
    about: 'time off, a holiday, a block or extra hours were added',
    details: z.strictObject({ kind: z.enum(['time_off', 'holiday', 'blocked', 'extra_hours']) }),
  },
  'delete:availability_exception': { about: 'an availability exception was removed', details: z.null() },
  'create:appointment': {
    about: 'a booking (or the new half of a reschedule), with any override of the rules',
    details: z.strictObject({
      start: z.iso.datetime(),
      providerId: z.guid(),
      overbooked: z.literal(true).optional(),
      override: z.boolean().optional(),
      patientKindOverride: z.string().optional(),
      rescheduledFromId: z.guid().optional(),
    }),
  },
  'update:appointment': {
    about: 'a status change in the visit flow (`changes.status`) or check-in confirmations (`changes`)',
    details: z
      .strictObject({
        reason: z.enum(CANCEL_REASONS).optional(),
        note: z.string().optional(),
        automatic: z.literal(true).optional(),
        afterMinutes: z.number().optional(),
        to: z.iso.datetime().optional(),
        roomId: z.guid().optional(),
        insuranceConfirmed: z.literal(true).optional(),
        demographicsConfirmed: z.literal(true).optional(),
        checkIn: z.literal(true).optional(),
      })
      .nullable(),
  },
  'read:appointment': { about: 'an appointment was opened', details: z.null() },
  'read:patient_appointments': { about: "a patient's appointments were listed", details: z.strictObject({ count }) },
  'search:appointment': {
    about: 'a list of appointments was viewed (`exceptionId`: the visits a time off, holiday or block falls on)',
    details: page({ exceptionId: z.guid().optional() }),
  },
  'search:flow_board': { about: "a location's flow board was viewed", details: page({ date: z.iso.date() }) },
  'print:schedule': {
    about: "a day's schedule was printed",
    details: page({ date: z.iso.date(), providerId: z.guid().nullable() }),
  },
  'create:ical_feed': { about: "a provider's calendar feed link was issued", details: z.null() },
  'read:ical_feed': {
    about: "a calendar app fetched a provider's feed (patient names only when the practice allows it)",
    details: z.strictObject({ count, patientNames: z.boolean(), patientIds: auditIdsSchema.optional() }),
  },
  'delete:ical_feed': { about: "a provider's calendar feed link was revoked", details: z.null() },
});
