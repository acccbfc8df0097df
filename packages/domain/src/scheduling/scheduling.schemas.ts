import { z } from 'zod';
import { patchSchemaOf } from '../shared/patch-schema.ts';

const uuid = z.string().uuid();
const localTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'local time as HH:MM (24 h)');
const localDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date as YYYY-MM-DD');
const color = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'colour as #rrggbb');
/** An ISO instant (Z or offset), or a local date-time (no offset) read on the location's clock. */
export const startSchema = z.string().min(16).max(40);

export const APPOINTMENT_STATUSES = [
  'scheduled',
  'confirmed',
  'arrived',
  'roomed',
  'with_provider',
  'checked_out',
  'cancelled',
  'no_show',
  'rescheduled',
] as const;
export const CANCEL_REASONS = ['patient', 'clinic', 'weather', 'provider', 'other'] as const;

// ---- appointment types -------------------------------------------------------------

export const appointmentTypeInputSchema = z.strictObject({
  name: z.string().trim().min(1).max(100),
  durationMinutes: z.number().int().min(5).max(480),
  color: color.default('#228be6'),
  patientKind: z.enum(['new', 'established', 'any']).default('any'),
  /** Kinds of room or equipment (rooms.kind) reserved for the visit. One per visit for now. */
  resourceKinds: z.array(z.string().trim().min(1).max(60)).max(1).default([]),
  /** Empty: every provider. */
  providerIds: z.array(uuid).max(200).default([]),
  bufferMinutes: z.number().int().min(0).max(120).default(0),
  overbookingAllowed: z.boolean().default(false),
  active: z.boolean().default(true),
});
export type AppointmentTypeInput = z.infer<typeof appointmentTypeInputSchema>;
export const appointmentTypePatchSchema = patchSchemaOf(appointmentTypeInputSchema);
export type AppointmentTypePatch = z.infer<typeof appointmentTypePatchSchema>;

export const appointmentTypeSchema = z.object({
  id: uuid,
  name: z.string(),
  durationMinutes: z.number().int(),
  color: z.string(),
  patientKind: z.enum(['new', 'established', 'any']),
  resourceKinds: z.array(z.string()),
  providerIds: z.array(z.string()),
  bufferMinutes: z.number().int(),
  overbookingAllowed: z.boolean(),
  active: z.boolean(),
  version: z.number().int(),
});
export type AppointmentType = z.infer<typeof appointmentTypeSchema>;

// ---- availability templates and exceptions ---------------------------------------------

export const templateInputSchema = z
  .strictObject({
    providerId: uuid,
    locationId: uuid,
    /** ISO weekday: 1 Monday .. 7 Sunday. */
    weekday: z.number().int().min(1).max(7),
    startTime: localTime,
    endTime: localTime,
    effectiveFrom: localDate,
    effectiveTo: localDate.nullable().default(null),
  })
  .refine((t) => t.startTime < t.endTime, { path: ['endTime'], message: 'must be after startTime' })
  .refine((t) => t.effectiveTo === null || t.effectiveTo >= t.effectiveFrom, { path: ['effectiveTo'], message: 'before effectiveFrom' });
export type TemplateInput = z.infer<typeof templateInputSchema>;
export const templatePatchSchema = z.strictObject({
  weekday: z.number().int().min(1).max(7).optional(),
  startTime: localTime.optional(),
  endTime: localTime.optional(),
  effectiveFrom: localDate.optional(),
  effectiveTo: localDate.nullable().optional(),
});
export type TemplatePatch = z.infer<typeof templatePatchSchema>;

export const templateSchema = z.object({
  id: uuid,
  providerId: uuid,
  locationId: uuid,
  weekday: z.number().int(),
  startTime: z.string(),
  endTime: z.string(),
  effectiveFrom: z.string(),
  effectiveTo: z.string().nullable(),
  version: z.number().int(),
});
export type Template = z.infer<typeof templateSchema>;

export const exceptionInputSchema = z
  .strictObject({
    providerId: uuid.nullable().default(null),
    locationId: uuid.nullable().default(null),
    kind: z.enum(['time_off', 'holiday', 'blocked', 'extra_hours']),
    startDate: localDate,
    endDate: localDate.optional(),
    /** Both or neither; neither means the whole day. */
    startTime: localTime.nullable().default(null),
    endTime: localTime.nullable().default(null),
    reason: z.string().trim().max(200).default(''),
  })
  .refine((e) => e.providerId !== null || e.locationId !== null, { path: ['providerId'], message: 'name a provider, a location or both' })
  .refine((e) => (e.startTime === null) === (e.endTime === null), { path: ['endTime'], message: 'give both times or neither' })
  .refine((e) => e.startTime === null || e.endTime === null || e.startTime < e.endTime, {
    path: ['endTime'],
    message: 'must be after startTime',
  })
  .refine((e) => e.endDate === undefined || e.endDate >= e.startDate, { path: ['endDate'], message: 'before startDate' })
  // One exception spans a year at most (bounded work for its collisions); longer absences are several.
  .refine((e) => e.endDate === undefined || Date.parse(e.endDate) - Date.parse(e.startDate) <= 366 * 86_400_000, {
    path: ['endDate'],
    message: 'Time off can span a year at most: add another for longer.',
  })
  .refine((e) => e.kind !== 'extra_hours' || (e.providerId !== null && e.locationId !== null && e.startTime !== null), {
    path: ['kind'],
    message: 'extra hours need a provider, a location and times',
  });
export type ExceptionInput = z.infer<typeof exceptionInputSchema>;

export const exceptionSchema = z.object({
  id: uuid,
  providerId: uuid.nullable(),
  locationId: uuid.nullable(),
  kind: z.enum(['time_off', 'holiday', 'blocked', 'extra_hours']),
  startDate: z.string(),
  endDate: z.string(),
  startTime: z.string().nullable(),
  endTime: z.string().nullable(),
  reason: z.string(),
});
export type AvailabilityException = z.infer<typeof exceptionSchema>;

// ---- availability ---------------------------------------------------------------------

export const slotSchema = z.object({ start: z.string(), end: z.string(), providerId: uuid, locationId: uuid });
export type Slot = z.infer<typeof slotSchema>;

// ---- appointments -----------------------------------------------------------------------

export const bookAppointmentInputSchema = z.strictObject({
  patientId: uuid,
  providerId: uuid,
  appointmentTypeId: uuid,
  locationId: uuid,
  start: startSchema,
  /** A specific room/equipment for the type's resource need; otherwise the first free one. */
  roomId: uuid.optional(),
  notes: z.string().max(2000).default(''),
  /** Book over an existing booking: allowed when the type allows it, or with appointment:override. */
  overbook: z.boolean().default(false),
  /** Book a new-patient type for an established patient or the reverse (CMS 3-year rule): needs appointment:override, audited. */
  overridePatientKind: z.boolean().default(false),
});
export type BookAppointmentInput = z.infer<typeof bookAppointmentInputSchema>;

/**
 * `busy`: a restricted patient's visit, shown to someone who may not open the record (not on
 * its care team, no break-glass grant): times, provider, location, rooms, status and arrival
 * are real; patientId, appointmentTypeId, the cancel reason and note, seriesId and the
 * reschedule links are null, notes empty, check-in ticks unset, patientName "Restricted patient"
 * and appointmentTypeName "Busy".
 */
export const appointmentSchema = z.object({
  id: uuid,
  patientId: uuid.nullable(),
  patientName: z.string(),
  busy: z.boolean(),
  providerId: uuid,
  locationId: uuid,
  appointmentTypeId: uuid.nullable(),
  appointmentTypeName: z.string(),
  start: z.string(),
  end: z.string(),
  status: z.enum(APPOINTMENT_STATUSES),
  overbooked: z.boolean(),
  roomId: uuid.nullable(),
  reservedRoomId: uuid.nullable(),
  notes: z.string(),
  cancelReason: z.enum(CANCEL_REASONS).nullable(),
  cancelNote: z.string().nullable(),
  seriesId: uuid.nullable(),
  rescheduledFromId: uuid.nullable(),
  rescheduledToId: uuid.nullable(),
  arrivedAt: z.string().nullable(),
  /** When the front desk confirmed the insurance card / the demographics at check-in (null: not confirmed). */
  insuranceConfirmedAt: z.string().nullable(),
  demographicsConfirmedAt: z.string().nullable(),
  version: z.number().int(),
});
export type Appointment = z.infer<typeof appointmentSchema>;

/** A saved exception and the booked visits it falls on (they stay booked until moved or cancelled). */
/** `collisionsTruncated`: more visits collide than one answer lists (500); the rest show once these are dealt with. */
export const exceptionCreatedSchema = exceptionSchema.extend({ collisions: z.array(appointmentSchema), collisionsTruncated: z.boolean() });
export type ExceptionCreated = z.infer<typeof exceptionCreatedSchema>;

export const appointmentEventSchema = z.object({
  fromStatus: z.string().nullable(),
  toStatus: z.string(),
  at: z.string(),
  userId: uuid.nullable(),
  details: z.record(z.string(), z.unknown()).nullable(),
});
export const appointmentDetailSchema = appointmentSchema.extend({ events: z.array(appointmentEventSchema) });
export type AppointmentDetail = z.infer<typeof appointmentDetailSchema>;

export const cancelInputSchema = z
  .strictObject({ reason: z.enum(CANCEL_REASONS), note: z.string().trim().max(500).optional() })
  .refine((c) => c.reason !== 'other' || (c.note ?? '').length > 0, { path: ['note'], message: 'say why when the reason is other' });
export type CancelInput = z.infer<typeof cancelInputSchema>;

/** The check-in ticks: true records the confirmation (who, when); false or absent leaves it as it is. */
const checkInConfirmations = {
  insuranceConfirmed: z.boolean().optional(),
  demographicsConfirmed: z.boolean().optional(),
};

export const statusInputSchema = z
  .strictObject({ status: z.enum(APPOINTMENT_STATUSES), roomId: uuid.optional(), ...checkInConfirmations })
  .refine((s) => s.status === 'arrived' || (s.insuranceConfirmed === undefined && s.demographicsConfirmed === undefined), {
    path: ['insuranceConfirmed'],
    message: 'confirmations are given at check-in (status arrived)',
  });
export type StatusInput = z.infer<typeof statusInputSchema>;

/** The desk's checklist after a one-click check-in. */
export const checkInConfirmationInputSchema = z
  .strictObject(checkInConfirmations)
  .refine((c) => c.insuranceConfirmed !== undefined || c.demographicsConfirmed !== undefined, {
    path: ['insuranceConfirmed'],
    message: 'give insuranceConfirmed, demographicsConfirmed or both',
  });
export type CheckInConfirmationInput = z.infer<typeof checkInConfirmationInputSchema>;

export const rescheduleInputSchema = z.strictObject({
  start: startSchema,
  providerId: uuid.optional(),
  locationId: uuid.optional(),
  /** Why the visit moves (asked when it changes provider or day); kept on the visit's history and audit row. */
  note: z.string().trim().max(200).optional(),
});
export type RescheduleInput = z.infer<typeof rescheduleInputSchema>;

export const seriesInputSchema = z
  .strictObject({
    patientId: uuid,
    providerId: uuid,
    appointmentTypeId: uuid,
    locationId: uuid,
    /** The first occurrence; later ones keep its local wall-clock time. */
    start: startSchema,
    everyWeeks: z.number().int().min(1).max(52).default(1),
    until: localDate.optional(),
    count: z.number().int().min(1).max(104).optional(),
    exceptDates: z.array(localDate).max(104).default([]),
    notes: z.string().max(2000).default(''),
  })
  .refine((s) => (s.until === undefined) !== (s.count === undefined), { path: ['count'], message: 'give either until or count' });
export type SeriesInput = z.infer<typeof seriesInputSchema>;

export const seriesOccurrenceSchema = z.object({
  date: z.string(),
  start: z.string(),
  end: z.string(),
  outcome: z.enum(['booked', 'conflict', 'skipped']),
  appointmentId: uuid.nullable(),
  code: z.string().nullable(),
});
export const seriesResultSchema = z.object({ seriesId: uuid, occurrences: z.array(seriesOccurrenceSchema) });
export type SeriesResult = z.infer<typeof seriesResultSchema>;

/** `busy`: as on an appointment (patientId null, placeholder patient and type, check-in ticks false). */
export const flowBoardItemSchema = z.object({
  appointmentId: uuid,
  patientId: uuid.nullable(),
  patientName: z.string(),
  busy: z.boolean(),
  providerId: uuid,
  providerName: z.string(),
  appointmentTypeName: z.string(),
  start: z.string(),
  end: z.string(),
  status: z.enum(APPOINTMENT_STATUSES),
  arrivedAt: z.string().nullable(),
  /** Minutes since arrival while waiting (arrived, roomed); null otherwise. */
  minutesWaiting: z.number().int().nullable(),
  roomId: uuid.nullable(),
  roomName: z.string().nullable(),
  insuranceConfirmed: z.boolean(),
  demographicsConfirmed: z.boolean(),
});
export type FlowBoardItem = z.infer<typeof flowBoardItemSchema>;
