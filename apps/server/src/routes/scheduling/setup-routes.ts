/** Schedule set-up (permission schedule:manage to change): appointment types, weekly templates, exceptions. */
import {
  appointmentTypeInputSchema,
  appointmentTypePatchSchema,
  appointmentTypeSchema,
  createAppointmentType,
  createAvailabilityException,
  createAvailabilityTemplate,
  deleteAvailabilityException,
  deleteAvailabilityTemplate,
  exceptionCreatedSchema,
  exceptionInputSchema,
  exceptionSchema,
  listAppointmentTypes,
  listAvailabilityExceptions,
  listAvailabilityTemplates,
  listExceptionCollisions,
  appointmentSchema,
  templateInputSchema,
  templatePatchSchema,
  templateSchema,
  updateAppointmentType,
  updateAvailabilityTemplate,
} from '@domain/scheduling/index.ts';
import { z } from 'zod';
import { requireIfMatch, setEtag } from '../../plugins/etag.ts';
import { idParams, listOf } from '../../plugins/http-schemas.ts';
import type { App } from '../../plugins/types.ts';

const tags = ['scheduling'];
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export async function setupRoutes(app: App) {
  app.get(
    '/api/appointment-types',
    {
      config: { permission: 'appointment:read' },
      schema: {
        tags,
        summary: 'Appointment types',
        querystring: z.strictObject({ includeInactive: z.enum(['true', 'false']).optional() }),
        response: { 200: listOf(appointmentTypeSchema) },
      },
    },
    async (request) => ({
      items: await listAppointmentTypes(request.ctx, { includeInactive: request.query.includeInactive === 'true' }),
      nextCursor: null,
    }),
  );

  app.post(
    '/api/appointment-types',
    {
      config: { permission: 'schedule:manage', errors: ['ALREADY_EXISTS'] },
      schema: { tags, summary: 'Add an appointment type', body: appointmentTypeInputSchema, response: { 201: appointmentTypeSchema } },
    },
    async (request, reply) => {
      const t = await createAppointmentType(request.ctx, request.body);
      setEtag(reply, t.version);
      return reply.code(201).send(t);
    },
  );

  app.patch(
    '/api/appointment-types/:id',
    {
      config: { permission: 'schedule:manage', ifMatch: true, errors: ['ALREADY_EXISTS'] },
      schema: {
        tags,
        summary: 'Edit an appointment type (needs If-Match)',
        params: idParams,
        body: appointmentTypePatchSchema,
        response: { 200: appointmentTypeSchema },
      },
    },
    async (request, reply) => {
      const t = await updateAppointmentType(request.ctx, request.params.id, request.body, requireIfMatch(request));
      setEtag(reply, t.version);
      return t;
    },
  );

  app.get(
    '/api/availability-templates',
    {
      config: { permission: 'appointment:read' },
      schema: {
        tags,
        summary: "Providers' weekly working hours",
        querystring: z.strictObject({ providerId: z.string().uuid().optional(), locationId: z.string().uuid().optional() }),
        response: { 200: listOf(templateSchema) },
      },
    },
    async (request) => ({ items: await listAvailabilityTemplates(request.ctx, request.query), nextCursor: null }),
  );

  app.post(
    '/api/availability-templates',
    {
      config: { permission: 'schedule:manage', errors: ['CONFLICT'] },
      schema: { tags, summary: 'Add a weekly block of working hours', body: templateInputSchema, response: { 201: templateSchema } },
    },
    async (request, reply) => {
      const t = await createAvailabilityTemplate(request.ctx, request.body);
      setEtag(reply, t.version);
      return reply.code(201).send(t);
    },
  );

  app.patch(
    '/api/availability-templates/:id',
    {
      config: { permission: 'schedule:manage', ifMatch: true, errors: ['CONFLICT'] },
      schema: {
        tags,
        summary: 'Change a weekly block (needs If-Match)',
        params: idParams,
        body: templatePatchSchema,
        response: { 200: templateSchema },
      },
    },
    async (request, reply) => {
      const t = await updateAvailabilityTemplate(request.ctx, request.params.id, request.body, requireIfMatch(request));
      setEtag(reply, t.version);
      return t;
    },
  );

  app.delete(
    '/api/availability-templates/:id',
    { config: { permission: 'schedule:manage' }, schema: { tags, summary: 'Remove a weekly block', params: idParams } },
    async (request, reply) => {
      await deleteAvailabilityTemplate(request.ctx, request.params.id);
      return reply.code(204).send();
    },
  );

  app.get(
    '/api/availability-exceptions',
    {
      config: { permission: 'appointment:read' },
      schema: {
        tags,
        summary: 'Time off, holidays, blocked time and extra hours',
        querystring: z.strictObject({
          providerId: z.string().uuid().optional(),
          locationId: z.string().uuid().optional(),
          from: date.optional(),
          to: date.optional(),
        }),
        response: { 200: listOf(exceptionSchema) },
      },
    },
    async (request) => ({ items: await listAvailabilityExceptions(request.ctx, request.query), nextCursor: null }),
  );

  app.post(
    '/api/availability-exceptions',
    {
      config: { permission: 'schedule:manage' },
      schema: {
        tags,
        summary: 'Add time off, a holiday, blocked time or extra hours; `collisions` lists the booked visits it falls on',
        body: exceptionInputSchema,
        response: { 201: exceptionCreatedSchema },
      },
    },
    async (request, reply) => reply.code(201).send(await createAvailabilityException(request.ctx, request.body)),
  );

  app.get(
    '/api/availability-exceptions/:id/collisions',
    {
      config: { permission: 'appointment:read' },
      schema: {
        tags,
        summary:
          'The booked (scheduled or confirmed) visits a time off, holiday or block falls on (500 at most: `truncated` says there are more)',
        params: idParams,
        response: { 200: listOf(appointmentSchema).extend({ truncated: z.boolean() }) },
      },
    },
    async (request) => ({ ...(await listExceptionCollisions(request.ctx, request.params.id)), nextCursor: null }),
  );

  app.delete(
    '/api/availability-exceptions/:id',
    { config: { permission: 'schedule:manage' }, schema: { tags, summary: 'Remove an exception', params: idParams } },
    async (request, reply) => {
      await deleteAvailabilityException(request.ctx, request.params.id);
      return reply.code(204).send();
    },
  );
}
