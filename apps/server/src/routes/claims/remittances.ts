/**
 * Acknowledgements (999, 277CA), remittances (ERA 835) with their reconciliation queue, and the
 * denial queue. Files come as the raw X12 body (`application/edi-x12`).
 */
import {
  acknowledgementSchema,
  denialQuerySchema,
  denialSchema,
  getRemittance,
  importAcknowledgement,
  importRemittance,
  listDenials,
  listRemittances,
  listUnmatchedRemittances,
  remittanceImportSchema,
  remittanceQuerySchema,
  remittanceSummarySchema,
  resolveUnmatchedInputSchema,
  resolveUnmatchedRemittance,
  unmatchedQuerySchema,
  unmatchedSchema,
} from '@domain/claims/index.ts';
import { AppError } from '@domain/shared/errors.ts';
import type { FastifyRequest } from 'fastify';
import { idParams, listOf } from '../../plugins/http-schemas.ts';
import type { App } from '../../plugins/types.ts';

const tags = ['claims'];
const X12_TYPE = 'application/edi-x12';
/** An 835 of 10,000 claims is about 3 MB. */
const X12_BODY_LIMIT = 20 * 1024 * 1024;

function x12Body(request: FastifyRequest): string {
  if (typeof request.body !== 'string' || request.headers['content-type']?.split(';')[0]?.trim() !== X12_TYPE)
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', `send the X12 file itself as the body, with Content-Type ${X12_TYPE}`);
  return request.body;
}

export default async function remittanceRoutes(app: App) {
  app.addContentTypeParser(X12_TYPE, { parseAs: 'string', bodyLimit: X12_BODY_LIMIT }, (_request, body, done) => done(null, body));

  app.post(
    '/api/acknowledgements',
    {
      config: { permission: 'claim:submit', expensive: 'report', errors: ['UNSUPPORTED_MEDIA_TYPE'] },
      schema: {
        tags,
        summary:
          'Import a 999 (matched to our batches by GS06/ST02) or 277CA (matched by patient control number): claims become acknowledged/rejected or payer_accepted/payer_rejected with the reason on their timeline. The same file again changes nothing (`alreadyImported`). An unreadable file: 400 naming the segment',
        consumes: [X12_TYPE],
        response: { 201: acknowledgementSchema },
      },
    },
    async (request, reply) => reply.code(201).send(await importAcknowledgement(request.ctx, x12Body(request))),
  );

  app.post(
    '/api/remittances',
    {
      config: { permission: 'claim:submit', expensive: 'report', errors: ['UNSUPPORTED_MEDIA_TYPE', 'UNPROCESSABLE'] },
      schema: {
        tags,
        summary:
          "Import an 835: each CLP posts to the claim with that patient control number (per line, with CAS and remark codes) or goes to the reconciliation queue; a payment already posted (trace, claim, CLP02) posts nothing twice. An unreadable file: 400 naming the segment; totals that don't balance (BPR02 = ΣCLP04 − ΣPLB): 422, nothing changes",
        consumes: [X12_TYPE],
        response: { 201: remittanceImportSchema },
      },
    },
    async (request, reply) => reply.code(201).send(await importRemittance(request.ctx, x12Body(request))),
  );

  app.get(
    '/api/remittances',
    {
      config: { permission: 'claim:read' },
      schema: {
        tags,
        summary: 'Imported 835 files, newest first',
        querystring: remittanceQuerySchema,
        response: { 200: listOf(remittanceSummarySchema) },
      },
    },
    async (request) => listRemittances(request.ctx, request.query),
  );

  app.get(
    '/api/remittances/unmatched',
    {
      config: { permission: 'claim:submit' },
      schema: {
        tags,
        summary: 'The reconciliation queue: remittance claims that matched none of ours (open ones by default), oldest first',
        querystring: unmatchedQuerySchema,
        response: { 200: listOf(unmatchedSchema) },
      },
    },
    async (request) => listUnmatchedRemittances(request.ctx, request.query),
  );

  app.post(
    '/api/remittances/unmatched/:id/resolve',
    {
      config: { permission: 'claim:submit', errors: ['CONFLICT'] },
      schema: {
        tags,
        summary:
          'Resolve a reconciliation entry: `match` posts it to one of our claims (a claim not yet sent, or one this payment already posted to: 409), `dismiss` closes it with a reason. Already resolved: 409',
        params: idParams,
        body: resolveUnmatchedInputSchema,
        response: { 200: unmatchedSchema },
      },
    },
    async (request) => resolveUnmatchedRemittance(request.ctx, request.params.id, request.body),
  );

  app.get(
    '/api/remittances/:id',
    {
      config: { permission: 'claim:read' },
      schema: {
        tags,
        summary: "An imported 835's posting summary: payments with PLB lines, and each claim posted, already posted or unmatched",
        params: idParams,
        response: { 200: remittanceImportSchema },
      },
    },
    async (request) => getRemittance(request.ctx, request.params.id),
  );

  app.get(
    '/api/denials',
    {
      config: { permission: 'claim:read' },
      schema: {
        tags,
        summary:
          'The denial queue: posted adjustments (not the patient share) of lines or claims paid nothing, for claims still denied or partially paid; by CARC, payer and age',
        querystring: denialQuerySchema,
        response: { 200: listOf(denialSchema) },
      },
    },
    async (request) => listDenials(request.ctx, request.query),
  );
}
