import {
  coverageInputSchema,
  coveragePatchSchema,
  coverageSchema,
  createCoverage,
  createPayer,
  listCoverages,
  listPayers,
  payerInputSchema,
  payerPatchSchema,
  payerSchema,
  updateCoverage,
  updatePayer,
} from '@domain/insurance/index.ts';
import { z } from 'zod';
import { requireIfMatch, setEtag } from '../../plugins/etag.ts';
import { idParams, listOf } from '../../plugins/http-schemas.ts';
import type { App } from '../../plugins/types.ts';

export default async function insuranceRoutes(app: App) {
  app.get(
    '/api/payers',
    {
      config: { permission: 'patient:read' },
      schema: {
        tags: ['insurance'],
        summary: 'The practice payer list (active payers, unless includeInactive=true)',
        querystring: z.strictObject({ q: z.string().max(100).optional(), includeInactive: z.enum(['true', 'false']).optional() }),
        response: { 200: listOf(payerSchema) },
      },
    },
    async (request) => ({
      items: await listPayers(request.ctx, { q: request.query.q, includeInactive: request.query.includeInactive === 'true' }),
      nextCursor: null,
    }),
  );

  app.post(
    '/api/payers',
    {
      config: { permission: 'payer:manage', errors: ['ALREADY_EXISTS'] },
      schema: { tags: ['insurance'], summary: 'Add a payer', body: payerInputSchema, response: { 201: payerSchema } },
    },
    async (request, reply) => {
      const payer = await createPayer(request.ctx, request.body);
      setEtag(reply, payer.version);
      return reply.code(201).send(payer);
    },
  );

  app.patch(
    '/api/payers/:id',
    {
      config: { permission: 'payer:manage', ifMatch: true, errors: ['ALREADY_EXISTS'] },
      schema: {
        tags: ['insurance'],
        summary: 'Edit a payer, or take it off the list offered for new coverages (active: false; needs If-Match)',
        params: idParams,
        body: payerPatchSchema,
        response: { 200: payerSchema },
      },
    },
    async (request, reply) => {
      const payer = await updatePayer(request.ctx, request.params.id, request.body, requireIfMatch(request));
      setEtag(reply, payer.version);
      return payer;
    },
  );

  app.get(
    '/api/patients/:id/coverages',
    {
      config: { permission: 'patient:read' },
      schema: {
        tags: ['insurance'],
        summary: "A patient's coverages, primary first",
        params: idParams,
        querystring: z.strictObject({ includeInactive: z.enum(['true', 'false']).optional() }),
        response: { 200: listOf(coverageSchema) },
      },
    },
    async (request) => ({
      items: await listCoverages(request.ctx, request.params.id, { includeInactive: request.query.includeInactive === 'true' }),
      nextCursor: null,
    }),
  );

  app.post(
    '/api/patients/:id/coverages',
    {
      config: { permission: 'coverage:write', errors: ['CONFLICT'] },
      schema: {
        tags: ['insurance'],
        summary: 'Add a coverage (one active coverage per priority on any day)',
        params: idParams,
        body: coverageInputSchema,
        response: { 201: coverageSchema },
      },
    },
    async (request, reply) => reply.code(201).send(await createCoverage(request.ctx, request.params.id, request.body)),
  );

  app.patch(
    '/api/patients/:id/coverages/:coverageId',
    {
      config: { permission: 'coverage:write', ifMatch: true, errors: ['CONFLICT'] },
      schema: {
        tags: ['insurance'],
        summary: 'Edit a coverage, e.g. terminate it (needs If-Match with its version; 409 on an overlapping priority)',
        params: z.object({ id: z.string().uuid(), coverageId: z.string().uuid() }),
        body: coveragePatchSchema,
        response: { 200: coverageSchema },
      },
    },
    async (request, reply) => {
      const coverage = await updateCoverage(
        request.ctx,
        request.params.id,
        request.params.coverageId,
        request.body,
        requireIfMatch(request),
      );
      setEtag(reply, coverage.version);
      return coverage;
    },
  );
}
