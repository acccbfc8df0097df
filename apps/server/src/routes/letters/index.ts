/** Letters: templates (merge fields checked on save), single letters, batches and the mail log, printed as PDFs. */
import {
  createBatch,
  createLetter,
  createTemplate,
  getTemplate,
  letterBatchInputSchema,
  letterBatchSchema,
  letterInputSchema,
  letterPreviewSchema,
  letterQuerySchema,
  letterSchema,
  letterTaskInputSchema,
  letterTemplateInputSchema,
  letterTemplatePatchSchema,
  letterTemplateQuerySchema,
  letterTemplateSchema,
  listBatches,
  listLetters,
  listTemplates,
  MERGE_FIELDS,
  mergeFieldSchema,
  previewLetter,
  printBatch,
  printLetter,
  taskFromLetter,
  updateTemplate,
} from '@domain/letters/index.ts';
import { taskSchema } from '@domain/tasks/index.ts';
import { z } from 'zod';
import { requireIfMatch, setEtag } from '../../plugins/etag.ts';
import { idParams, limitSchema, listOf } from '../../plugins/http-schemas.ts';
import type { App } from '../../plugins/types.ts';

const tags = ['letters'];

export default async function lettersRoutes(app: App) {
  app.get(
    '/api/letter-templates/fields',
    {
      config: { permission: 'letter:write' },
      schema: { tags, summary: 'The merge fields a template may use, with what each prints', response: { 200: listOf(mergeFieldSchema) } },
    },
    async () => ({ items: Object.entries(MERGE_FIELDS).map(([field, about]) => ({ field, about })), nextCursor: null }),
  );

  app.get(
    '/api/letter-templates',
    {
      config: { permission: 'letter:write' },
      schema: {
        tags,
        summary: "The practice's letter templates by name",
        querystring: letterTemplateQuerySchema,
        response: { 200: listOf(letterTemplateSchema) },
      },
    },
    async (request) => listTemplates(request.ctx, request.query),
  );

  app.post(
    '/api/letter-templates',
    {
      config: { permission: 'letter:template', errors: ['ALREADY_EXISTS'] },
      schema: {
        tags,
        summary: 'Save a letter template (an unknown {{field}} is a 400 naming body and the field)',
        body: letterTemplateInputSchema,
        response: { 201: letterTemplateSchema },
      },
    },
    async (request, reply) => {
      const template = await createTemplate(request.ctx, request.body);
      setEtag(reply, template.version);
      return reply.code(201).send(template);
    },
  );

  app.get(
    '/api/letter-templates/:id',
    {
      config: { permission: 'letter:write' },
      schema: { tags, summary: 'One letter template (the ETag is its version)', params: idParams, response: { 200: letterTemplateSchema } },
    },
    async (request, reply) => {
      const template = await getTemplate(request.ctx, request.params.id);
      setEtag(reply, template.version);
      return template;
    },
  );

  app.patch(
    '/api/letter-templates/:id',
    {
      config: { permission: 'letter:template', ifMatch: true, errors: ['ALREADY_EXISTS'] },
      schema: {
        tags,
        summary: "Edit a template's name, kind or text, or deactivate it (active: false); needs If-Match",
        params: idParams,
        body: letterTemplatePatchSchema,
        response: { 200: letterTemplateSchema },
      },
    },
    async (request, reply) => {
      const template = await updateTemplate(request.ctx, request.params.id, request.body, requireIfMatch(request));
      setEtag(reply, template.version);
      return template;
    },
  );

  app.post(
    '/api/letters',
    {
      config: { permission: 'letter:write', errors: ['CONFLICT'] },
      schema: {
        tags,
        summary: 'Write a letter to a patient from a template (stored as merged; audited)',
        body: letterInputSchema,
        response: { 201: z.object({ id: z.string().uuid() }) },
      },
    },
    async (request, reply) => reply.code(201).send(await createLetter(request.ctx, request.body)),
  );

  app.post(
    '/api/letters/preview',
    {
      config: { permission: 'letter:write', errors: ['CONFLICT'] },
      schema: {
        tags,
        summary: 'The letter as it would be written for this patient (nothing stored)',
        body: letterInputSchema,
        response: { 200: letterPreviewSchema },
      },
    },
    async (request) => previewLetter(request.ctx, request.body),
  );

  app.get(
    '/api/letters',
    {
      config: { permission: 'letter:write' },
      schema: {
        tags,
        summary: 'The mail log: letters sent, newest first (patientId, batchId to narrow it)',
        querystring: letterQuerySchema,
        response: { 200: listOf(letterSchema) },
      },
    },
    async (request) => listLetters(request.ctx, request.query),
  );

  app.post(
    '/api/letters/:id/task',
    {
      config: { permission: 'task:write' },
      schema: {
        tags,
        summary:
          "Make a task from a letter (a results letter for the doctor to sign): defaults to the letter's title, its signer's account and its patient; also needs letter:write",
        params: idParams,
        body: letterTaskInputSchema,
        response: { 201: taskSchema },
      },
    },
    async (request, reply) => reply.code(201).send(await taskFromLetter(request.ctx, request.params.id, request.body)),
  );

  app.get(
    '/api/letters/:id/pdf',
    {
      config: { permission: 'letter:write', expensive: 'report' },
      schema: {
        tags,
        summary: 'A letter as a PDF on the letterhead, as it was written (audited as print)',
        params: idParams,
        produces: ['application/pdf'],
      },
    },
    async (request, reply) => {
      const pdf = await printLetter(request.ctx, request.params.id);
      return reply
        .type('application/pdf')
        .header('cache-control', 'no-store')
        .header('content-disposition', `inline; filename="letter-${request.params.id.slice(0, 8)}.pdf"`)
        .send(pdf);
    },
  );

  app.post(
    '/api/letter-batches',
    {
      config: { permission: 'letter:write', expensive: 'report', errors: ['CONFLICT'] },
      schema: {
        tags,
        summary: 'Write one letter to each patient of a selection (ids, overdue recalls, balances over N; at most 200)',
        body: letterBatchInputSchema,
        response: { 201: letterBatchSchema },
      },
    },
    async (request, reply) => reply.code(201).send(await createBatch(request.ctx, request.body)),
  );

  app.get(
    '/api/letter-batches',
    {
      config: { permission: 'letter:write' },
      schema: {
        tags,
        summary: 'Batches of letters sent, newest first',
        querystring: z.strictObject({ limit: limitSchema, cursor: z.string().max(300).optional() }),
        response: { 200: listOf(letterBatchSchema) },
      },
    },
    async (request) => listBatches(request.ctx, request.query),
  );

  app.get(
    '/api/letter-batches/:id/pdf',
    {
      config: { permission: 'letter:write', expensive: 'report' },
      schema: {
        tags,
        summary: "A batch's letters in one PDF, a page per letter (each audited as print)",
        params: idParams,
        produces: ['application/pdf'],
      },
    },
    async (request, reply) => {
      const pdf = await printBatch(request.ctx, request.params.id);
      return reply
        .type('application/pdf')
        .header('cache-control', 'no-store')
        .header('content-disposition', `inline; filename="letters-${request.params.id.slice(0, 8)}.pdf"`)
        .send(pdf);
    },
  );
}
