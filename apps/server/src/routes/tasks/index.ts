/** Tasks: my list, a location's, a patient's; make, edit and complete them. */
import { z } from 'zod';
import {
  listAssignees,
  createTask,
  getTask,
  listTasks,
  taskInputSchema,
  taskPatchSchema,
  taskQuerySchema,
  taskSchema,
  updateTask,
} from '@domain/tasks/index.ts';
import { requireIfMatch, setEtag } from '../../plugins/etag.ts';
import { idParams, listOf } from '../../plugins/http-schemas.ts';
import type { App } from '../../plugins/types.ts';

const tags = ['tasks'];

export default async function tasksRoutes(app: App) {
  app.get(
    '/api/tasks',
    {
      config: { permission: 'task:read' },
      schema: {
        tags,
        summary: 'Tasks by due date: mine (assignee=me), a location’s, a patient’s; open unless status=done',
        querystring: taskQuerySchema,
        response: { 200: listOf(taskSchema) },
      },
    },
    async (request) => listTasks(request.ctx, request.query),
  );

  app.get(
    '/api/tasks/assignees',
    {
      config: { permission: 'task:write' },
      schema: {
        tags,
        summary: 'Who a task or a call’s follow-up can be for: the practice’s active staff',
        response: { 200: listOf(z.object({ id: z.string().uuid(), name: z.string() })) },
      },
    },
    async (request) => listAssignees(request.ctx),
  );

  app.post(
    '/api/tasks',
    {
      config: { permission: 'task:write' },
      schema: { tags, summary: 'Make a task', body: taskInputSchema, response: { 201: taskSchema } },
    },
    async (request, reply) => {
      const task = await createTask(request.ctx, request.body);
      setEtag(reply, task.version);
      return reply.code(201).send(task);
    },
  );

  app.get(
    '/api/tasks/:id',
    {
      config: { permission: 'task:read' },
      schema: { tags, summary: 'One task (the ETag is its version)', params: idParams, response: { 200: taskSchema } },
    },
    async (request, reply) => {
      const task = await getTask(request.ctx, request.params.id);
      setEtag(reply, task.version);
      return task;
    },
  );

  app.patch(
    '/api/tasks/:id',
    {
      config: { permission: 'task:write', ifMatch: true },
      schema: {
        tags,
        summary: 'Edit a task; status done completes it, open reopens it (needs If-Match)',
        params: idParams,
        body: taskPatchSchema,
        response: { 200: taskSchema },
      },
    },
    async (request, reply) => {
      const task = await updateTask(request.ctx, request.params.id, request.body, requireIfMatch(request));
      setEtag(reply, task.version);
      return task;
    },
  );
}
