/**
 * Text messages: the provider's webhooks (public, each checked against the practice's
 * X-Twilio-Signature), a patient's thread and the desk's text box, and the inbox of received
 * texts. The webhooks' form bodies use the comms plugin's urlencoded parser (link-routes.ts).
 */
import {
  inboxTextSchema,
  listPatientTexts,
  listSmsInbox,
  markTextHandled,
  receiveInboundSms,
  sendPatientText,
  sendTextInputSchema,
  textSchema,
  updateTextStatus,
} from '@domain/comms/index.ts';
import { z } from 'zod';
import { installationOf } from '../../config.ts';
import { idParams, limitSchema, listOf } from '../../plugins/http-schemas.ts';
import type { App } from '../../plugins/types.ts';

const tags = ['comms'];
/** Twilio's form: every field is a string; the signature covers them all, so none is dropped. */
const webhookForm = z.record(z.string(), z.string()).catch({});
const EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response/>';

export async function smsRoutes(app: App) {
  app.post(
    '/api/sms/inbound',
    {
      config: { public: true, errors: ['FORBIDDEN'] },
      schema: {
        tags,
        summary:
          "A text to the practice's number (Twilio's webhook form, signed with X-Twilio-Signature): C/Y confirm, N cancel the next visit, STOP/START opt out/in, anything else to the desk's inbox. Answers empty TwiML.",
        body: webhookForm,
      },
    },
    async (request, reply) => {
      const signature = request.headers['x-twilio-signature'];
      await receiveInboundSms(
        request.ctx,
        { params: request.body, signature: typeof signature === 'string' ? signature : undefined },
        installationOf(app.services.config),
      );
      return reply.type('text/xml; charset=utf-8').send(EMPTY_TWIML);
    },
  );

  app.post(
    '/api/sms/status',
    {
      config: { public: true, errors: ['FORBIDDEN'] },
      schema: {
        tags,
        summary: "The provider's delivery report for a text (status callback, signed like the inbound webhook)",
        body: webhookForm,
      },
    },
    async (request, reply) => {
      const signature = request.headers['x-twilio-signature'];
      await updateTextStatus(
        request.ctx,
        { params: request.body, signature: typeof signature === 'string' ? signature : undefined },
        installationOf(app.services.config),
      );
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/patients/:id/texts',
    {
      config: { permission: 'patient:read' },
      schema: {
        tags,
        summary: "A patient's text thread, sent and received, newest first, with delivery status",
        params: idParams,
        querystring: z.strictObject({ limit: limitSchema, cursor: z.string().max(200).optional() }),
        response: { 200: listOf(textSchema) },
      },
    },
    async (request) => listPatientTexts(request.ctx, request.params.id, request.query),
  );

  app.post(
    '/api/patients/:id/texts',
    {
      config: { permission: 'patient:write', errors: ['CONFLICT'] },
      schema: {
        tags,
        summary: 'Text the patient (agreed to texts, mobile on record, SMS set up); held until morning in quiet hours',
        params: idParams,
        body: sendTextInputSchema,
        response: { 201: textSchema },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await sendPatientText(request.ctx, request.params.id, request.body, installationOf(app.services.config))),
  );

  app.get(
    '/api/sms/inbox',
    {
      config: { permission: 'patient:read' },
      schema: {
        tags,
        summary: 'Received texts left for the desk, newest first (open ones unless handled=true)',
        querystring: z.strictObject({
          handled: z
            .enum(['true', 'false'])
            .transform((v) => v === 'true')
            .optional(),
          limit: limitSchema,
          cursor: z.string().max(200).optional(),
        }),
        response: { 200: listOf(inboxTextSchema) },
      },
    },
    async (request) => listSmsInbox(request.ctx, request.query),
  );

  app.post(
    '/api/sms/inbox/:id/handled',
    {
      config: { permission: 'patient:write' },
      schema: { tags, summary: 'Mark a received text handled', params: idParams, response: { 204: z.null() } },
    },
    async (request, reply) => {
      await markTextHandled(request.ctx, request.params.id);
      return reply.code(204).send(null);
    },
  );
}
