/** Patient messages: mail settings, reminder rules, message history, one-click links. */
import {
  commsSettingsPatchSchema,
  commsSettingsSchema,
  createReminderRule,
  deleteReminderRule,
  getCommsSettings,
  listPatientMessages,
  listReminderRules,
  listUndeliveredMessages,
  messageSchema,
  reminderRuleInputSchema,
  reminderRulePatchSchema,
  reminderRuleSchema,
  UNDELIVERED_DEFAULT_DAYS,
  undeliveredMessageSchema,
  updateCommsSettings,
  updateReminderRule,
} from '@domain/comms/index.ts';
import { z } from 'zod';
import { installationOf } from '../../config.ts';
import { idParams, limitSchema, listOf } from '../../plugins/http-schemas.ts';
import type { App } from '../../plugins/types.ts';
import { linkRoutes } from './link-routes.ts';
import { smsRoutes } from './sms-routes.ts';

const tags = ['comms'];

export default async function commsRoutes(app: App) {
  app.get(
    '/api/comms/settings',
    {
      config: { permission: 'settings:manage' },
      schema: {
        tags,
        summary: 'Outgoing mail and text settings (the SMTP password and SMS auth token are never returned)',
        response: { 200: commsSettingsSchema },
      },
    },
    async (request) => getCommsSettings(request.ctx, installationOf(app.services.config)),
  );

  app.patch(
    '/api/comms/settings',
    {
      config: { permission: 'settings:manage' },
      schema: {
        tags,
        summary: 'Change the SMTP server, sender, link base URL, SMS account or texting hours',
        body: commsSettingsPatchSchema,
        response: { 200: commsSettingsSchema },
      },
    },
    async (request) => updateCommsSettings(request.ctx, request.body, installationOf(app.services.config)),
  );

  app.get(
    '/api/reminder-rules',
    {
      config: { permission: 'schedule:manage' },
      schema: { tags, summary: 'Reminder rules', response: { 200: listOf(reminderRuleSchema) } },
    },
    async (request) => listReminderRules(request.ctx),
  );

  app.post(
    '/api/reminder-rules',
    {
      config: { permission: 'schedule:manage', errors: ['ALREADY_EXISTS'] },
      schema: { tags, summary: 'Remind N hours before each visit', body: reminderRuleInputSchema, response: { 201: reminderRuleSchema } },
    },
    async (request, reply) => reply.code(201).send(await createReminderRule(request.ctx, request.body)),
  );

  app.patch(
    '/api/reminder-rules/:id',
    {
      config: { permission: 'schedule:manage', errors: ['ALREADY_EXISTS'] },
      schema: {
        tags,
        summary: 'Change or pause a reminder rule',
        params: idParams,
        body: reminderRulePatchSchema,
        response: { 200: reminderRuleSchema },
      },
    },
    async (request) => updateReminderRule(request.ctx, request.params.id, request.body),
  );

  app.delete(
    '/api/reminder-rules/:id',
    { config: { permission: 'schedule:manage' }, schema: { tags, summary: 'Remove a reminder rule', params: idParams } },
    async (request, reply) => {
      await deleteReminderRule(request.ctx, request.params.id);
      return reply.code(204).send();
    },
  );

  app.get(
    '/api/patients/:id/messages',
    {
      config: { permission: 'patient:read' },
      schema: {
        tags,
        summary: "A patient's messages with delivery status, newest first",
        params: idParams,
        querystring: z.strictObject({ limit: limitSchema, cursor: z.string().max(200).optional() }),
        response: { 200: listOf(messageSchema) },
      },
    },
    async (request) => listPatientMessages(request.ctx, request.params.id, request.query),
  );

  app.get(
    '/api/messages/undelivered',
    {
      config: { permission: 'patient:read' },
      schema: {
        tags,
        summary: `Messages that did not reach their patient (failed or bounced), newest first; since defaults to ${UNDELIVERED_DEFAULT_DAYS} days ago`,
        querystring: z.strictObject({
          since: z.string().datetime({ offset: true }).optional(),
          limit: limitSchema,
          cursor: z.string().max(200).optional(),
        }),
        response: { 200: listOf(undeliveredMessageSchema) },
      },
    },
    async (request) => listUndeliveredMessages(request.ctx, request.query),
  );

  await linkRoutes(app);
  await smsRoutes(app);
}
