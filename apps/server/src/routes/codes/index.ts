import {
  codeSearchQuerySchema,
  createProcedure,
  exportProcedures,
  hcpcsCodeSchema,
  icd10CodeSchema,
  importProcedures,
  listProcedures,
  procedureImportResultSchema,
  procedureInputSchema,
  procedurePatchSchema,
  procedureSchema,
  searchHcpcs,
  searchIcd10,
  updateProcedure,
} from '@domain/codes/index.ts';
import { AppError } from '@domain/shared/errors.ts';
import { z } from 'zod';
import { requireIfMatch, setEtag } from '../../plugins/etag.ts';
import { idParams, listOf } from '../../plugins/http-schemas.ts';
import type { App } from '../../plugins/types.ts';

/** Largest procedure-list CSV accepted (5,000 rows fit comfortably). */
const CSV_BODY_LIMIT = 1_048_576;

export default async function codesRoutes(app: App) {
  app.addContentTypeParser('text/csv', { parseAs: 'string', bodyLimit: CSV_BODY_LIMIT }, (_request, body, done) => done(null, body));

  app.get(
    '/api/codes/icd10',
    {
      config: { permission: 'org:read' },
      schema: {
        tags: ['codes'],
        summary:
          'Search ICD-10-CM FY2026 by code (any case, with or without the dot) or by words (prefixes, any order); ranked, at most `limit` (20, max 50)',
        querystring: codeSearchQuerySchema,
        response: { 200: listOf(icd10CodeSchema) },
      },
    },
    async (request) => ({
      items: await searchIcd10(request.ctx, {
        q: request.query.q,
        limit: request.query.limit,
        billableOnly: request.query.billable === 'true',
      }),
      nextCursor: null,
    }),
  );

  app.get(
    '/api/codes/hcpcs',
    {
      config: { permission: 'org:read' },
      schema: {
        tags: ['codes'],
        summary: 'Search HCPCS Level II procedure codes in effect, by code prefix or words; at most `limit` (20, max 50)',
        querystring: codeSearchQuerySchema.omit({ billable: true }),
        response: { 200: listOf(hcpcsCodeSchema) },
      },
    },
    async (request) => ({
      items: await searchHcpcs(request.ctx, { q: request.query.q, limit: request.query.limit }),
      nextCursor: null,
    }),
  );

  app.get(
    '/api/procedures',
    {
      config: { permission: 'org:read' },
      schema: {
        tags: ['codes'],
        summary:
          "The practice's procedure list by code (active entries unless includeInactive=true); q: code prefix or words of the description",
        querystring: z.strictObject({ q: z.string().max(100).optional(), includeInactive: z.enum(['true', 'false']).optional() }),
        response: { 200: listOf(procedureSchema) },
      },
    },
    async (request) => ({
      items: await listProcedures(request.ctx, { q: request.query.q, includeInactive: request.query.includeInactive === 'true' }),
      nextCursor: null,
    }),
  );

  app.post(
    '/api/procedures',
    {
      config: { permission: 'procedure:manage', errors: ['ALREADY_EXISTS'] },
      schema: {
        tags: ['codes'],
        summary: 'Add a code to the procedure list',
        body: procedureInputSchema,
        response: { 201: procedureSchema },
      },
    },
    async (request, reply) => {
      const entry = await createProcedure(request.ctx, request.body);
      setEtag(reply, entry.version);
      return reply.code(201).send(entry);
    },
  );

  app.patch(
    '/api/procedures/:id',
    {
      config: { permission: 'procedure:manage', ifMatch: true },
      schema: {
        tags: ['codes'],
        summary: 'Edit a procedure list entry, or take it off the list (active: false; needs If-Match)',
        params: idParams,
        body: procedurePatchSchema,
        response: { 200: procedureSchema },
      },
    },
    async (request, reply) => {
      const entry = await updateProcedure(request.ctx, request.params.id, request.body, requireIfMatch(request));
      setEtag(reply, entry.version);
      return entry;
    },
  );

  app.get(
    '/api/procedures/export.csv',
    {
      config: { permission: 'org:read' },
      schema: {
        tags: ['codes'],
        summary: 'The active procedure list as CSV (code,description,fee,units)',
        produces: ['text/csv'],
      },
    },
    async (request, reply) => {
      const { csv } = await exportProcedures(request.ctx);
      return reply.type('text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="procedures.csv"').send(csv);
    },
  );

  app.post(
    '/api/procedures/import',
    {
      config: { permission: 'procedure:manage' },
      bodyLimit: CSV_BODY_LIMIT,
      schema: {
        tags: ['codes'],
        summary:
          'Import the procedure list from CSV (text/csv; columns code,description,fee,units; fee like 125.00): upsert by code. Any bad row: 400 naming each row and column, nothing changed',
        consumes: ['text/csv'],
        body: z.any().describe('the CSV text'),
        response: { 200: procedureImportResultSchema },
      },
    },
    async (request) => {
      if (typeof request.body !== 'string' || request.headers['content-type']?.split(';')[0]?.trim() !== 'text/csv') {
        throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'send the CSV file itself as the body, with Content-Type text/csv');
      }
      return importProcedures(request.ctx, request.body);
    },
  );
}
