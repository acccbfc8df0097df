/** Training and policies: items, assigning, my training, completing with evidence (acknowledging a policy), the overdue report. */
import {
  assignInputSchema,
  assignmentQuerySchema,
  assignmentSchema,
  assignResultSchema,
  assignTraining,
  completeAssignment,
  completeInputSchema,
  createTrainingItem,
  listAssignments,
  listTrainingItems,
  overdueQuerySchema,
  overdueReportSchema,
  trainingItemInputSchema,
  trainingItemPatchSchema,
  trainingItemQuerySchema,
  trainingItemSchema,
  trainingOverdueReport,
  updateTrainingItem,
} from '@domain/training/index.ts';
import { requireIfMatch, setEtag } from '../../plugins/etag.ts';
import { idParams, listOf } from '../../plugins/http-schemas.ts';
import type { App } from '../../plugins/types.ts';

const tags = ['training'];

export default async function trainingRoutes(app: App) {
  app.post(
    '/api/training-items',
    {
      config: { permission: 'training:manage', errors: ['ALREADY_EXISTS'] },
      schema: {
        tags,
        summary: 'Add a training item or a policy to acknowledge; onboarding puts it in the set every new account gets',
        body: trainingItemInputSchema,
        response: { 201: trainingItemSchema },
      },
    },
    async (request, reply) => {
      const item = await createTrainingItem(request.ctx, request.body);
      setEtag(reply, item.version);
      return reply.code(201).send(item);
    },
  );

  app.get(
    '/api/training-items',
    {
      config: { permission: 'training:read' },
      schema: {
        tags,
        summary: 'Training items and policies by title',
        querystring: trainingItemQuerySchema,
        response: { 200: listOf(trainingItemSchema) },
      },
    },
    async (request) => listTrainingItems(request.ctx, request.query),
  );

  app.patch(
    '/api/training-items/:id',
    {
      config: { permission: 'training:manage', ifMatch: true, errors: ['ALREADY_EXISTS'] },
      schema: {
        tags,
        summary: 'Edit or retire a training item (needs If-Match); open assignments stay',
        params: idParams,
        body: trainingItemPatchSchema,
        response: { 200: trainingItemSchema },
      },
    },
    async (request, reply) => {
      const item = await updateTrainingItem(request.ctx, request.params.id, request.body, requireIfMatch(request));
      setEtag(reply, item.version);
      return item;
    },
  );

  app.post(
    '/api/training-assignments',
    {
      config: { permission: 'training:manage', errors: ['CONFLICT'] },
      schema: {
        tags,
        summary: 'Assign an item to staff by a due date; people who already have it open keep theirs (alreadyOpen)',
        body: assignInputSchema,
        response: { 201: assignResultSchema },
      },
    },
    async (request, reply) => reply.code(201).send(await assignTraining(request.ctx, request.body)),
  );

  app.get(
    '/api/training-assignments',
    {
      config: { permission: 'training:read' },
      schema: {
        tags,
        summary: 'Assignments, soonest due first: my training (the default without training:manage), or anyone’s for managers',
        querystring: assignmentQuerySchema,
        response: { 200: listOf(assignmentSchema) },
      },
    },
    async (request) => listAssignments(request.ctx, request.query),
  );

  app.post(
    '/api/training-assignments/:id/complete',
    {
      config: { permission: 'training:read', errors: ['CONFLICT'] },
      schema: {
        tags,
        summary:
          'Complete one’s own assignment (managers: anyone’s) with the day and the evidence; a policy is acknowledged; a recurring item assigns its next round',
        params: idParams,
        body: completeInputSchema,
        response: { 200: assignmentSchema },
      },
    },
    async (request, reply) => {
      const a = await completeAssignment(request.ctx, request.params.id, request.body);
      setEtag(reply, a.version);
      return a;
    },
  );

  app.get(
    '/api/training/overdue',
    {
      config: { permission: 'training:manage' },
      schema: {
        tags,
        summary: 'The overdue report: per person, what is past its due date (at a location: the staff holding a role there)',
        querystring: overdueQuerySchema,
        response: { 200: overdueReportSchema },
      },
    },
    async (request) => trainingOverdueReport(request.ctx, request.query.locationId),
  );
}
