/** The waiting list: entries, filling by hand, the fill-rate report, the offer hold time. */
import {
  bookFromWaitlist,
  bookFromWaitlistInputSchema,
  createWaitlistEntry,
  getWaitlistReport,
  getWaitlistSettings,
  listWaitlistEntries,
  removeWaitlistEntry,
  updateWaitlistEntry,
  updateWaitlistSettings,
  waitlistEntryInputSchema,
  waitlistEntryPatchSchema,
  waitlistEntrySchema,
  waitlistReportSchema,
  waitlistSettingsPatchSchema,
  waitlistSettingsSchema,
} from '@domain/waitlist/index.ts';
import { z } from 'zod';
import { idParams, limitSchema, listOf } from '../../plugins/http-schemas.ts';
import type { App } from '../../plugins/types.ts';

const tags = ['waitlist'];

export default async function waitlistRoutes(app: App) {
  app.get(
    '/api/waitlist',
    {
      config: { permission: 'appointment:read' },
      schema: {
        tags,
        summary: 'The waiting list in offer order (priority, then longest waiting)',
        querystring: z.strictObject({
          status: z.enum(['waiting', 'booked', 'removed']).default('waiting'),
          patientId: z.string().uuid().optional(),
          appointmentTypeId: z.string().uuid().optional(),
          limit: limitSchema,
          cursor: z.string().max(200).optional(),
        }),
        response: { 200: listOf(waitlistEntrySchema) },
      },
    },
    async (request) => listWaitlistEntries(request.ctx, request.query),
  );

  app.post(
    '/api/waitlist',
    {
      config: { permission: 'appointment:write' },
      schema: {
        tags,
        summary: 'Put a patient on the waiting list',
        body: waitlistEntryInputSchema,
        response: { 201: waitlistEntrySchema },
      },
    },
    async (request, reply) => reply.code(201).send(await createWaitlistEntry(request.ctx, request.body)),
  );

  app.get(
    '/api/waitlist/report',
    {
      config: { permission: 'report:read', expensive: 'report' },
      schema: {
        tags,
        summary: 'Offers made, accepted, expired and the fill rate',
        querystring: z.strictObject({ from: z.coerce.date().optional(), to: z.coerce.date().optional() }),
        response: { 200: waitlistReportSchema },
      },
    },
    async (request) => getWaitlistReport(request.ctx, request.query),
  );

  app.get(
    '/api/waitlist/settings',
    {
      config: { permission: 'settings:manage' },
      schema: { tags, summary: 'How long an offer holds its slot', response: { 200: waitlistSettingsSchema } },
    },
    async (request) => getWaitlistSettings(request.ctx),
  );

  app.patch(
    '/api/waitlist/settings',
    {
      config: { permission: 'settings:manage' },
      schema: {
        tags,
        summary: 'Change the offer hold time (5-1440 minutes)',
        body: waitlistSettingsPatchSchema,
        response: { 200: waitlistSettingsSchema },
      },
    },
    async (request) => updateWaitlistSettings(request.ctx, request.body),
  );

  app.patch(
    '/api/waitlist/:id',
    {
      config: { permission: 'appointment:write', errors: ['CONFLICT'] },
      schema: {
        tags,
        summary: 'Change wishes, window or priority',
        params: idParams,
        body: waitlistEntryPatchSchema,
        response: { 200: waitlistEntrySchema },
      },
    },
    async (request) => updateWaitlistEntry(request.ctx, request.params.id, request.body),
  );

  app.delete(
    '/api/waitlist/:id',
    { config: { permission: 'appointment:write' }, schema: { tags, summary: 'Take a patient off the list', params: idParams } },
    async (request, reply) => {
      await removeWaitlistEntry(request.ctx, request.params.id);
      return reply.code(204).send();
    },
  );

  app.post(
    '/api/waitlist/:id/book',
    {
      config: { permission: 'appointment:write', errors: ['CONFLICT', 'SLOT_TAKEN', 'PROVIDER_NOT_CREDENTIALED', 'ROOM_OUT_OF_SERVICE'] },
      schema: {
        tags,
        summary: 'Fill a slot from the list by hand (409 SLOT_TAKEN when taken or held)',
        params: idParams,
        body: bookFromWaitlistInputSchema,
        response: { 200: waitlistEntrySchema },
      },
    },
    async (request) => bookFromWaitlist(request.ctx, request.params.id, request.body),
  );
}
