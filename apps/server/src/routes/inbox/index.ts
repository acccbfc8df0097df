/** The staff inbox: threads between staff, replies, assignment, done, unread count; refill requests to the prescriber. */
import {
  countUnread,
  createThread,
  getThread,
  listColleagues,
  listRefillMedications,
  listThreads,
  refillMedicationSchema,
  replyToThread,
  staffReplyInputSchema,
  staffThreadDetailSchema,
  staffThreadInputSchema,
  staffThreadPatchSchema,
  staffThreadQuerySchema,
  staffThreadSchema,
  staffUserSchema,
  taskFromThread,
  threadTaskInputSchema,
  updateThread,
} from '@domain/inbox/index.ts';
import { taskSchema } from '@domain/tasks/index.ts';
import { z } from 'zod';
import { requireIfMatch, setEtag } from '../../plugins/etag.ts';
import { idParams, listOf } from '../../plugins/http-schemas.ts';
import type { App } from '../../plugins/types.ts';

const tags = ['inbox'];

export default async function inboxRoutes(app: App) {
  app.get(
    '/api/staff-threads',
    {
      config: { permission: 'message:staff' },
      schema: {
        tags,
        summary: 'The staff inbox, latest activity first (box: mine, sent, unassigned, all)',
        querystring: staffThreadQuerySchema,
        response: { 200: listOf(staffThreadSchema) },
      },
    },
    async (request) => listThreads(request.ctx, request.query),
  );

  app.get(
    '/api/staff-threads/unread-count',
    {
      config: { permission: 'message:staff' },
      schema: {
        tags,
        summary: 'Open threads in my box with a message I have not read',
        response: { 200: z.object({ unread: z.number().int() }) },
      },
    },
    async (request) => countUnread(request.ctx),
  );

  app.post(
    '/api/staff-threads',
    {
      config: { permission: 'message:staff', errors: ['CONFLICT'] },
      schema: {
        tags,
        summary: "Start a staff message, or a refill request (goes to the medication's prescriber)",
        body: staffThreadInputSchema,
        response: { 201: staffThreadDetailSchema },
      },
    },
    async (request, reply) => {
      const thread = await createThread(request.ctx, request.body);
      setEtag(reply, thread.version);
      return reply.code(201).send(thread);
    },
  );

  app.get(
    '/api/staff-threads/:id',
    {
      config: { permission: 'message:staff' },
      schema: {
        tags,
        summary: 'A thread with its messages (read from now on; audited when about a patient)',
        params: idParams,
        response: { 200: staffThreadDetailSchema },
      },
    },
    async (request, reply) => {
      const thread = await getThread(request.ctx, request.params.id);
      setEtag(reply, thread.version);
      return thread;
    },
  );

  app.post(
    '/api/staff-threads/:id/replies',
    {
      config: { permission: 'message:staff' },
      schema: {
        tags,
        summary: 'Reply in a thread (a done thread opens again)',
        params: idParams,
        body: staffReplyInputSchema,
        response: { 201: staffThreadDetailSchema },
      },
    },
    async (request, reply) => {
      const thread = await replyToThread(request.ctx, request.params.id, request.body);
      setEtag(reply, thread.version);
      return reply.code(201).send(thread);
    },
  );

  app.post(
    '/api/staff-threads/:id/task',
    {
      config: { permission: 'task:write' },
      schema: {
        tags,
        summary: "Make a task from a thread (defaults: the thread's subject, assignee, patient and last message); also needs message:staff",
        params: idParams,
        body: threadTaskInputSchema,
        response: { 201: taskSchema },
      },
    },
    async (request, reply) => reply.code(201).send(await taskFromThread(request.ctx, request.params.id, request.body)),
  );

  app.patch(
    '/api/staff-threads/:id',
    {
      config: { permission: 'message:staff', ifMatch: true },
      schema: {
        tags,
        summary: 'Assign a thread (null: nobody) or mark it done / open; needs If-Match',
        params: idParams,
        body: staffThreadPatchSchema,
        response: { 200: staffThreadDetailSchema },
      },
    },
    async (request, reply) => {
      const thread = await updateThread(request.ctx, request.params.id, request.body, requireIfMatch(request));
      setEtag(reply, thread.version);
      return thread;
    },
  );

  app.get(
    '/api/staff-colleagues',
    {
      config: { permission: 'message:staff' },
      schema: { tags, summary: 'Active staff to assign a thread to', response: { 200: listOf(staffUserSchema) } },
    },
    async (request) => listColleagues(request.ctx),
  );

  app.get(
    '/api/patients/:id/refill-medications',
    {
      config: { permission: 'message:staff' },
      schema: {
        tags,
        summary: "A patient's active medications a refill request may name, with prescribers (audited)",
        params: idParams,
        response: { 200: listOf(refillMedicationSchema) },
      },
    },
    async (request) => listRefillMedications(request.ctx, request.params.id),
  );
}
