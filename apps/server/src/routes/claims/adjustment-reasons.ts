/**
 * Adjustment reason texts the office imports (CARC, RARC, group codes): shown for codes before
 * the built-in short texts. The import takes the CSV file itself as the body (`text/csv`).
 */
import {
  adjustmentReasonClearQuerySchema,
  adjustmentReasonClearResultSchema,
  adjustmentReasonImportQuerySchema,
  adjustmentReasonImportResultSchema,
  adjustmentReasonQuerySchema,
  adjustmentReasonSchema,
  clearAdjustmentReasons,
  importAdjustmentReasons,
  listAdjustmentReasons,
} from '@domain/claims/index.ts';
import { AppError } from '@domain/shared/errors.ts';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { listOf } from '../../plugins/http-schemas.ts';
import type { App } from '../../plugins/types.ts';

const tags = ['claims'];
/** The full CARC and RARC lists with long descriptions fit. */
const CSV_BODY_LIMIT = 4 * 1024 * 1024;

function csvBody(request: FastifyRequest): string {
  if (typeof request.body !== 'string' || request.headers['content-type']?.split(';')[0]?.trim() !== 'text/csv') {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'send the CSV file itself as the body, with Content-Type text/csv');
  }
  return request.body;
}

export default async function adjustmentReasonRoutes(app: App) {
  app.addContentTypeParser('text/csv', { parseAs: 'string', bodyLimit: CSV_BODY_LIMIT }, (_request, body, done) => done(null, body));

  app.get(
    '/api/adjustment-reasons',
    {
      config: { permission: 'claim:read' },
      schema: {
        tags,
        summary:
          "The texts shown for adjustment codes: the office's imported ones (source `office`) and the built-in short texts not overridden (`built-in`), by code set and code",
        querystring: adjustmentReasonQuerySchema,
        response: { 200: listOf(adjustmentReasonSchema) },
      },
    },
    async (request) => listAdjustmentReasons(request.ctx, request.query),
  );

  app.post(
    '/api/adjustment-reasons/import',
    {
      config: { permission: 'claim:settings', errors: ['UNSUPPORTED_MEDIA_TYPE'] },
      bodyLimit: CSV_BODY_LIMIT,
      schema: {
        tags,
        summary:
          'Import adjustment reason texts from CSV (text/csv; columns codeSet,code,description, or code,description with ?codeSet=CARC|RARC|GROUP; description at most 1,000 characters): upserts by code set and code. Any bad row: 400 naming `rows.N.column`, nothing changed',
        consumes: ['text/csv'],
        querystring: adjustmentReasonImportQuerySchema,
        body: z.any().describe('the CSV text'),
        response: { 200: adjustmentReasonImportResultSchema },
      },
    },
    async (request) => importAdjustmentReasons(request.ctx, csvBody(request), request.query.codeSet),
  );

  app.delete(
    '/api/adjustment-reasons',
    {
      config: { permission: 'claim:settings' },
      schema: {
        tags,
        summary: "Clear the office's imported reason texts (of one code set, or all): the built-in short texts show again",
        querystring: adjustmentReasonClearQuerySchema,
        response: { 200: adjustmentReasonClearResultSchema },
      },
    },
    async (request) => clearAdjustmentReasons(request.ctx, request.query.codeSet),
  );
}
