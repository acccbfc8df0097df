/** Tasks: my list, a location's, a patient's, a project's; make, edit and complete them; projects; service levels. */
import { z } from 'zod';
import {
  createProject,
  getProject,
  listAssignees,
  listProjects,
  listTaskSlas,
  projectInputSchema,
  projectPatchSchema,
  projectQuerySchema,
  projectSchema,
  setTaskSla,
  taskSlaInputSchema,
  taskSlaSchema,
  updateProject,
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
        summary:
          'Tasks by due date: mine (assignee=me), a location’s, a patient’s, a project’s; open and in progress unless status says otherwise',
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
        summary:
          'Edit a task; status in_progress starts it, done completes it, open reopens it (needs If-Match; the assignee, their team or a manager)',
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

  app.get(
    '/api/task-slas',
    {
      config: { permission: 'task:read' },
      schema: { tags, summary: 'Service levels: hours from creation to done, per kind of task', response: { 200: listOf(taskSlaSchema) } },
    },
    async (request) => listTaskSlas(request.ctx),
  );

  app.put(
    '/api/task-slas',
    {
      config: { permission: 'task:manage' },
      schema: {
        tags,
        summary: 'Set (hours) or remove (null) the service level of a kind of task; tasks already made keep theirs',
        body: taskSlaInputSchema,
        response: { 200: taskSlaSchema },
      },
    },
    async (request) => setTaskSla(request.ctx, request.body.kind, request.body.hours),
  );

  app.get(
    '/api/projects',
    {
      config: { permission: 'task:read' },
      schema: {
        tags,
        summary: 'Projects by name, with progress (active unless status says otherwise)',
        querystring: projectQuerySchema,
        response: { 200: listOf(projectSchema) },
      },
    },
    async (request) => listProjects(request.ctx, request.query),
  );

  app.post(
    '/api/projects',
    {
      config: { permission: 'task:manage', errors: ['ALREADY_EXISTS'] },
      schema: {
        tags,
        summary: 'Start a project at a location (an active project of that name there: 409)',
        body: projectInputSchema,
        response: { 201: projectSchema },
      },
    },
    async (request, reply) => {
      const project = await createProject(request.ctx, request.body);
      setEtag(reply, project.version);
      return reply.code(201).send(project);
    },
  );

  app.get(
    '/api/projects/:id',
    {
      config: { permission: 'task:read' },
      schema: {
        tags,
        summary: 'One project with progress (0-100, the share of its tasks done) and task counts',
        params: idParams,
        response: { 200: projectSchema },
      },
    },
    async (request, reply) => {
      const project = await getProject(request.ctx, request.params.id);
      setEtag(reply, project.version);
      return project;
    },
  );

  app.patch(
    '/api/projects/:id',
    {
      config: { permission: 'task:manage', ifMatch: true, errors: ['ALREADY_EXISTS'] },
      schema: {
        tags,
        summary: 'Edit a project; status done or archived closes it (needs If-Match)',
        params: idParams,
        body: projectPatchSchema,
        response: { 200: projectSchema },
      },
    },
    async (request, reply) => {
      const project = await updateProject(request.ctx, request.params.id, request.body, requireIfMatch(request));
      setEtag(reply, project.version);
      return project;
    },
  );
}
