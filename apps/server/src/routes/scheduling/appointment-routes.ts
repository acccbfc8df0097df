/** Availability search, booking and the patient flow. */
import {
  APPOINTMENT_STATUSES,
  appointmentDetailSchema,
  appointmentSchema,
  bookAppointment,
  bookAppointmentInputSchema,
  bookAppointmentSeries,
  cancelAppointment,
  cancelInputSchema,
  changeAppointmentStatus,
  checkInConfirmationInputSchema,
  confirmCheckIn,
  findAvailability,
  getAppointment,
  listAppointments,
  listPatientAppointments,
  rescheduleAppointment,
  rescheduleInputSchema,
  seriesInputSchema,
  seriesResultSchema,
  slotSchema,
  statusInputSchema,
} from '@domain/scheduling/index.ts';
import { z } from 'zod';
import { requireIfMatch } from '../../plugins/etag.ts';
import { idParams, limitSchema, listOf } from '../../plugins/http-schemas.ts';
import type { App } from '../../plugins/types.ts';
import { instant, repeatedUuid } from './query-schemas.ts';

const tags = ['scheduling'];

export async function appointmentRoutes(app: App) {
  app.get(
    '/api/availability',
    {
      config: { permission: 'appointment:read', expensive: 'availability' },
      schema: {
        tags,
        summary: 'Open slots for an appointment type, ranked by time',
        querystring: z.strictObject({
          appointmentTypeId: z.string().uuid(),
          providerId: repeatedUuid,
          locationId: repeatedUuid,
          from: instant,
          to: instant,
          limit: z.coerce.number().int().min(1).max(2000).default(500),
          cursor: z.string().max(200).optional(),
        }),
        response: { 200: listOf(slotSchema) },
      },
    },
    async (request) => {
      const q = request.query;
      return findAvailability(request.ctx, { ...q, providerIds: q.providerId, locationIds: q.locationId });
    },
  );

  app.post(
    '/api/appointments',
    {
      config: { permission: 'appointment:write', errors: ['CONFLICT', 'SLOT_TAKEN', 'PROVIDER_NOT_CREDENTIALED', 'ROOM_OUT_OF_SERVICE'] },
      schema: {
        tags,
        summary: 'Book an appointment (409 SLOT_TAKEN when taken)',
        body: bookAppointmentInputSchema,
        response: { 201: appointmentSchema },
      },
    },
    async (request, reply) => reply.code(201).send(await bookAppointment(request.ctx, request.body)),
  );

  app.post(
    '/api/appointment-series',
    {
      config: { permission: 'appointment:write', errors: ['SLOT_TAKEN'] },
      schema: {
        tags,
        summary: 'Book a recurring series; conflicts are reported per occurrence',
        body: seriesInputSchema,
        response: { 201: seriesResultSchema },
      },
    },
    async (request, reply) => reply.code(201).send(await bookAppointmentSeries(request.ctx, request.body)),
  );

  app.get(
    '/api/appointments',
    {
      config: { permission: 'appointment:read' },
      schema: {
        tags,
        summary: 'Appointments starting in [from, to), for calendars',
        querystring: z.strictObject({
          from: instant,
          to: instant,
          providerId: repeatedUuid,
          locationId: repeatedUuid,
          patientId: z.string().uuid().optional(),
          status: z
            .union([z.enum(APPOINTMENT_STATUSES), z.array(z.enum(APPOINTMENT_STATUSES))])
            .optional()
            .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v])),
          limit: limitSchema,
          cursor: z.string().max(200).optional(),
        }),
        response: { 200: listOf(appointmentSchema) },
      },
    },
    async (request) => {
      const q = request.query;
      return listAppointments(request.ctx, { ...q, providerIds: q.providerId, locationIds: q.locationId, statuses: q.status });
    },
  );

  app.get(
    '/api/appointments/:id',
    {
      config: { permission: 'appointment:read' },
      schema: { tags, summary: 'One appointment with its status history', params: idParams, response: { 200: appointmentDetailSchema } },
    },
    async (request) => getAppointment(request.ctx, request.params.id),
  );

  app.post(
    '/api/appointments/:id/cancel',
    {
      config: { permission: 'appointment:write', errors: ['ILLEGAL_TRANSITION'] },
      schema: { tags, summary: 'Cancel with a reason', params: idParams, body: cancelInputSchema, response: { 200: appointmentSchema } },
    },
    async (request) => cancelAppointment(request.ctx, request.params.id, request.body),
  );

  app.post(
    '/api/appointments/:id/status',
    {
      config: { permission: 'appointment:write', errors: ['SLOT_TAKEN', 'ILLEGAL_TRANSITION'] },
      schema: {
        tags,
        summary: 'Move through the visit (409 ILLEGAL_TRANSITION when not allowed)',
        params: idParams,
        body: statusInputSchema,
        response: { 200: appointmentSchema },
      },
    },
    async (request) => changeAppointmentStatus(request.ctx, request.params.id, request.body),
  );

  app.post(
    '/api/appointments/:id/check-in-confirmations',
    {
      config: { permission: 'appointment:write', errors: ['CONFLICT'] },
      schema: {
        tags,
        summary: "The desk's check-in ticks (insurance, demographics) after check-in (409 CONFLICT before it)",
        params: idParams,
        body: checkInConfirmationInputSchema,
        response: { 200: appointmentSchema },
      },
    },
    async (request) => confirmCheckIn(request.ctx, request.params.id, request.body),
  );

  app.post(
    '/api/appointments/:id/reschedule',
    {
      config: {
        permission: 'appointment:write',
        errors: ['CONFLICT', 'SLOT_TAKEN', 'ILLEGAL_TRANSITION', 'VERSION_MISMATCH', 'PROVIDER_NOT_CREDENTIALED', 'ROOM_OUT_OF_SERVICE'],
      },
      schema: {
        tags,
        summary:
          'Move to a new time; the old appointment is kept as rescheduled. With If-Match (the version last seen), 412 when the visit changed since',
        params: idParams,
        body: rescheduleInputSchema,
        response: { 201: appointmentSchema },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await rescheduleAppointment(
            request.ctx,
            request.params.id,
            request.body,
            request.headers['if-match'] ? requireIfMatch(request) : undefined,
          ),
        ),
  );

  app.get(
    '/api/patients/:id/appointments',
    {
      config: { permission: 'appointment:read' },
      schema: {
        tags,
        summary: "A patient's appointments with counts (no-shows, cancellations)",
        params: idParams,
        response: {
          200: listOf(appointmentSchema).extend({
            counts: z.object({ total: z.number(), upcoming: z.number(), completed: z.number(), cancelled: z.number(), noShow: z.number() }),
          }),
        },
      },
    },
    async (request) => listPatientAppointments(request.ctx, request.params.id),
  );
}
