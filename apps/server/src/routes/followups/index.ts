/** Follow-ups (the worklist, booking, closing) and recalls (the overdue list, edits, the contact log). */
import {
  bookFollowUp,
  bookFollowUpInputSchema,
  closeFollowUp,
  closeFollowUpInputSchema,
  createFollowUp,
  createRecall,
  followUpInputSchema,
  followUpQuerySchema,
  followUpSchema,
  listFollowUps,
  listPatientRecalls,
  listRecallContacts,
  listRecalls,
  logRecallContact,
  recallContactInputSchema,
  recallContactSchema,
  recallInputSchema,
  recallPatchSchema,
  recallQuerySchema,
  recallSchema,
  updateRecall,
} from '@domain/followups/index.ts';
import { z } from 'zod';
import { requireIfMatch, setEtag } from '../../plugins/etag.ts';
import { idParams, listOf } from '../../plugins/http-schemas.ts';
import type { App } from '../../plugins/types.ts';

const tags = ['followups'];

export default async function followupsRoutes(app: App) {
  app.get(
    '/api/follow-ups',
    {
      config: { permission: 'appointment:read' },
      schema: {
        tags,
        summary: 'The follow-up worklist, oldest due date first (restricted patients only for those who may open them)',
        querystring: followUpQuerySchema,
        response: { 200: listOf(followUpSchema) },
      },
    },
    async (request) => listFollowUps(request.ctx, request.query),
  );

  app.post(
    '/api/follow-ups',
    {
      config: { permission: 'appointment:write' },
      schema: { tags, summary: 'Note a follow-up by hand', body: followUpInputSchema, response: { 201: followUpSchema } },
    },
    async (request, reply) => reply.code(201).send(await createFollowUp(request.ctx, request.body)),
  );

  app.post(
    '/api/follow-ups/:id/book',
    {
      config: { permission: 'appointment:write', errors: ['CONFLICT', 'SLOT_TAKEN', 'PROVIDER_NOT_CREDENTIALED', 'ROOM_OUT_OF_SERVICE'] },
      schema: {
        tags,
        summary: 'Book the follow-up visit and mark it booked, in one transaction (409 SLOT_TAKEN when taken)',
        params: idParams,
        body: bookFollowUpInputSchema,
        response: { 200: followUpSchema },
      },
    },
    async (request) => bookFollowUp(request.ctx, request.params.id, request.body),
  );

  app.post(
    '/api/follow-ups/:id/close',
    {
      config: { permission: 'appointment:write', errors: ['CONFLICT'] },
      schema: {
        tags,
        summary: 'Take a follow-up off the worklist without booking it',
        params: idParams,
        body: closeFollowUpInputSchema,
        response: { 200: followUpSchema },
      },
    },
    async (request) => closeFollowUp(request.ctx, request.params.id, request.body),
  );

  app.get(
    '/api/recalls',
    {
      config: { permission: 'appointment:read' },
      schema: {
        tags,
        summary: 'Recalls by due date, oldest first, with the last contact (overdue=true: due before today at the location)',
        querystring: recallQuerySchema,
        response: { 200: listOf(recallSchema) },
      },
    },
    async (request) => listRecalls(request.ctx, request.query),
  );

  app.get(
    '/api/patients/:id/recalls',
    {
      config: { permission: 'appointment:read' },
      schema: { tags, summary: "A patient's recalls, any status", params: idParams, response: { 200: listOf(recallSchema) } },
    },
    async (request) => listPatientRecalls(request.ctx, request.params.id),
  );

  app.post(
    '/api/patients/:id/recalls',
    {
      config: { permission: 'appointment:write' },
      schema: { tags, summary: 'Set a recall for a patient', params: idParams, body: recallInputSchema, response: { 201: recallSchema } },
    },
    async (request, reply) => {
      const recall = await createRecall(request.ctx, request.params.id, request.body);
      setEtag(reply, recall.version);
      return reply.code(201).send(recall);
    },
  );

  app.patch(
    '/api/recalls/:id',
    {
      config: { permission: 'appointment:write', ifMatch: true },
      schema: {
        tags,
        summary: "Change a recall's type, due date, provider, note or status (needs If-Match)",
        params: idParams,
        body: recallPatchSchema,
        response: { 200: recallSchema },
      },
    },
    async (request, reply) => {
      const recall = await updateRecall(request.ctx, request.params.id, request.body, requireIfMatch(request));
      setEtag(reply, recall.version);
      return recall;
    },
  );

  app.get(
    '/api/recalls/:id/contacts',
    {
      config: { permission: 'appointment:read' },
      schema: {
        tags,
        summary: "A recall's contact log, newest first (the ETag is the recall's version)",
        params: idParams,
        response: { 200: listOf(recallContactSchema).extend({ recall: recallSchema }) },
      },
    },
    async (request, reply) => {
      const { recall, items } = await listRecallContacts(request.ctx, request.params.id);
      setEtag(reply, recall.version);
      return { items, nextCursor: null, recall };
    },
  );

  app.post(
    '/api/recalls/:id/contacts',
    {
      config: { permission: 'appointment:write', errors: ['CONFLICT'] },
      schema: {
        tags,
        summary: 'Log an attempt to reach the patient; the recall becomes contacted (or booked)',
        params: idParams,
        body: recallContactInputSchema,
        response: { 201: z.object({ contact: recallContactSchema, recall: recallSchema }) },
      },
    },
    async (request, reply) => {
      const result = await logRecallContact(request.ctx, request.params.id, request.body);
      setEtag(reply, result.recall.version);
      return reply.code(201).send(result);
    },
  );
}
