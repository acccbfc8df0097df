/** The schedule leaving the app: providers' secret-token iCalendar feeds and the printed day schedule. */
import { practicePublicUrl } from '@domain/comms/index.ts';
import { createIcalToken, getIcalFeed, printDaySchedule, revokeIcalToken } from '@domain/scheduling/index.ts';
import { z } from 'zod';
import { installationOf } from '../../config.ts';
import { idParams } from '../../plugins/http-schemas.ts';
import type { App } from '../../plugins/types.ts';

const tags = ['scheduling'];

export default async function scheduleExportRoutes(app: App) {
  app.post(
    '/api/providers/:id/ical-token',
    {
      // Narrowed in the use case: schedule:manage, or the clinician who is this provider.
      config: { permission: 'appointment:read' },
      schema: {
        tags,
        summary: "Create (or replace) the provider's calendar feed; the URL is shown only in this answer",
        params: idParams,
        response: {
          201: z.object({
            url: z.string(),
            path: z.string(),
            createdAt: z.string(),
            /** Whether the feed shows patient names (the practice's setting, Admin → Schedule), else types and times only. */
            showsPatientNames: z.boolean(),
          }),
        },
      },
    },
    async (request, reply) => {
      const { token, createdAt, showsPatientNames } = await createIcalToken(request.ctx, request.params.id);
      const path = `/ical/${token}.ics`;
      // The configured public URL, never the Host header (a client can send any).
      const origin = await practicePublicUrl(request.ctx.db, request.ctx.organizationId, installationOf(app.services.config));
      return reply
        .code(201)
        .header('cache-control', 'no-store')
        .send({ url: `${origin}${path}`, path, createdAt, showsPatientNames });
    },
  );

  app.delete(
    '/api/providers/:id/ical-token',
    {
      config: { permission: 'appointment:read' },
      schema: { tags, summary: "Revoke the provider's calendar feed (its URL then answers 404)", params: idParams },
    },
    async (request, reply) => {
      await revokeIcalToken(request.ctx, request.params.id);
      return reply.code(204).send();
    },
  );

  app.get(
    '/ical/:token.ics',
    {
      // The token in the URL is the credential; each fetch is audited.
      config: { public: true, expensive: 'report' },
      schema: {
        tags,
        summary: "A provider's appointments as iCalendar (RFC 5545); no patient names unless the practice allows them",
        params: z.strictObject({ token: z.string().max(100) }),
        produces: ['text/calendar'],
      },
    },
    async (request, reply) => {
      const body = await getIcalFeed(request.ctx, request.params.token);
      return reply.type('text/calendar; charset=utf-8').header('cache-control', 'private, no-store').send(body);
    },
  );

  app.get(
    '/api/schedule/print',
    {
      config: { permission: 'appointment:read', expensive: 'report' },
      schema: {
        tags,
        summary: 'The day schedule of a location (optionally one provider) as a PDF',
        querystring: z.strictObject({
          locationId: z.string().uuid(),
          date: z
            .string()
            .regex(/^\d{4}-\d{2}-\d{2}$/)
            .optional(),
          providerId: z.string().uuid().optional(),
        }),
        produces: ['application/pdf'],
      },
    },
    async (request, reply) => {
      const pdf = await printDaySchedule(request.ctx, request.query);
      const name = `schedule-${request.query.date ?? 'today'}.pdf`;
      return reply
        .type('application/pdf')
        .header('cache-control', 'no-store')
        .header('content-disposition', `inline; filename="${name}"`)
        .send(pdf);
    },
  );
}
