/**
 * Billing: fee schedules (the standard schedule and each payer's contracted amounts, dated;
 * CSV import and export) and charges (the review queue; corrections, approval, voiding).
 */
import {
  approveCharge,
  chargePatchSchema,
  chargeQuerySchema,
  chargeSchema,
  chargeUpdateSchema,
  createFeeEntry,
  exportFeeSchedule,
  feeEntryInputSchema,
  feeEntryPatchSchema,
  feeEntryQuerySchema,
  feeEntrySchema,
  feeImportResultSchema,
  importFeeSchedule,
  listCharges,
  listFeeEntries,
  updateCharge,
  updateFeeEntry,
  voidCharge,
  voidChargeInputSchema,
} from '@domain/billing/index.ts';
import { AppError } from '@domain/shared/errors.ts';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { requireIfMatch, setEtag } from '../../plugins/etag.ts';
import { idParams, listOf } from '../../plugins/http-schemas.ts';
import type { App } from '../../plugins/types.ts';

/** Largest fee schedule CSV accepted (10,000 rows fit). */
const CSV_BODY_LIMIT = 2_097_152;
const tags = ['billing'];
const entryParams = z.object({ id: z.string().uuid(), entryId: z.string().uuid() });
const CSV_COLUMNS =
  'columns code,modifier,amount,effective_from,effective_to; amount like 125.00, dates YYYY-MM-DD, modifier and effective_to may be empty';

function csvBody(request: FastifyRequest): string {
  if (typeof request.body !== 'string' || request.headers['content-type']?.split(';')[0]?.trim() !== 'text/csv') {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'send the CSV file itself as the body, with Content-Type text/csv');
  }
  return request.body;
}

export default async function billingRoutes(app: App) {
  app.addContentTypeParser('text/csv', { parseAs: 'string', bodyLimit: CSV_BODY_LIMIT }, (_request, body, done) => done(null, body));

  // ---- the standard fee schedule ----------------------------------------------------------

  app.get(
    '/api/fee-schedule',
    {
      config: { permission: 'claim:read' },
      schema: {
        tags,
        summary: "The standard fee schedule's dated prices by code, modifier and first day (`on`: those in force that day)",
        querystring: feeEntryQuerySchema,
        response: { 200: listOf(feeEntrySchema) },
      },
    },
    async (request) => listFeeEntries(request.ctx, null, request.query),
  );

  app.post(
    '/api/fee-schedule',
    {
      config: { permission: 'fee-schedule:manage', errors: ['CONFLICT'] },
      schema: {
        tags,
        summary: 'Add a dated price to the standard schedule (409 when its dates overlap another entry of the code and modifier)',
        body: feeEntryInputSchema,
        response: { 201: feeEntrySchema },
      },
    },
    async (request, reply) => {
      const entry = await createFeeEntry(request.ctx, null, request.body);
      setEtag(reply, entry.version);
      return reply.code(201).send(entry);
    },
  );

  app.patch(
    '/api/fee-schedule/:id',
    {
      config: { permission: 'fee-schedule:manage', ifMatch: true, errors: ['CONFLICT'] },
      schema: {
        tags,
        summary: "Change a standard schedule entry's amount or dates (needs If-Match)",
        params: idParams,
        body: feeEntryPatchSchema,
        response: { 200: feeEntrySchema },
      },
    },
    async (request, reply) => {
      const entry = await updateFeeEntry(request.ctx, null, request.params.id, request.body, requireIfMatch(request));
      setEtag(reply, entry.version);
      return entry;
    },
  );

  app.get(
    '/api/fee-schedule/export.csv',
    {
      config: { permission: 'claim:read' },
      schema: { tags, summary: `The standard fee schedule as CSV (${CSV_COLUMNS})`, produces: ['text/csv'] },
    },
    async (request, reply) => {
      const { csv } = await exportFeeSchedule(request.ctx, null);
      return reply.type('text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="fee-schedule.csv"').send(csv);
    },
  );

  app.post(
    '/api/fee-schedule/import',
    {
      config: { permission: 'fee-schedule:manage', errors: ['CONFLICT'] },
      bodyLimit: CSV_BODY_LIMIT,
      schema: {
        tags,
        summary: `Import the standard fee schedule from CSV (text/csv; ${CSV_COLUMNS}): an entry is named by code, modifier and first day. Any bad row (overlapping dates included): 400 naming each row and column, nothing changed`,
        consumes: ['text/csv'],
        body: z.any().describe('the CSV text'),
        response: { 200: feeImportResultSchema },
      },
    },
    async (request) => importFeeSchedule(request.ctx, null, csvBody(request)),
  );

  // ---- payers' contracted amounts ---------------------------------------------------------

  app.get(
    '/api/payers/:id/contract',
    {
      config: { permission: 'claim:read' },
      schema: {
        tags,
        summary: "A payer's contracted (allowed) amounts by code, modifier and first day (`on`: those in force that day)",
        params: idParams,
        querystring: feeEntryQuerySchema,
        response: { 200: listOf(feeEntrySchema) },
      },
    },
    async (request) => listFeeEntries(request.ctx, request.params.id, request.query),
  );

  app.post(
    '/api/payers/:id/contract',
    {
      config: { permission: 'fee-schedule:manage', errors: ['CONFLICT'] },
      schema: {
        tags,
        summary: "Add a dated contracted amount to a payer's contract (409 when its dates overlap another of the code and modifier)",
        params: idParams,
        body: feeEntryInputSchema,
        response: { 201: feeEntrySchema },
      },
    },
    async (request, reply) => {
      const entry = await createFeeEntry(request.ctx, request.params.id, request.body);
      setEtag(reply, entry.version);
      return reply.code(201).send(entry);
    },
  );

  app.patch(
    '/api/payers/:id/contract/:entryId',
    {
      config: { permission: 'fee-schedule:manage', ifMatch: true, errors: ['CONFLICT'] },
      schema: {
        tags,
        summary: "Change a contracted amount's amount or dates (needs If-Match)",
        params: entryParams,
        body: feeEntryPatchSchema,
        response: { 200: feeEntrySchema },
      },
    },
    async (request, reply) => {
      const { id, entryId } = request.params;
      const entry = await updateFeeEntry(request.ctx, id, entryId, request.body, requireIfMatch(request));
      setEtag(reply, entry.version);
      return entry;
    },
  );

  app.get(
    '/api/payers/:id/contract/export.csv',
    {
      config: { permission: 'claim:read' },
      schema: { tags, summary: `A payer's contract as CSV (${CSV_COLUMNS})`, params: idParams, produces: ['text/csv'] },
    },
    async (request, reply) => {
      const { csv } = await exportFeeSchedule(request.ctx, request.params.id);
      return reply.type('text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="payer-contract.csv"').send(csv);
    },
  );

  app.post(
    '/api/payers/:id/contract/import',
    {
      config: { permission: 'fee-schedule:manage', errors: ['CONFLICT'] },
      bodyLimit: CSV_BODY_LIMIT,
      schema: {
        tags,
        summary: `Import a payer's contract from CSV (text/csv; ${CSV_COLUMNS}). Any bad row: 400 naming each row and column, nothing changed`,
        consumes: ['text/csv'],
        params: idParams,
        body: z.any().describe('the CSV text'),
        response: { 200: feeImportResultSchema },
      },
    },
    async (request) => importFeeSchedule(request.ctx, request.params.id, csvBody(request)),
  );

  // ---- charges ----------------------------------------------------------------------------

  app.get(
    '/api/charges',
    {
      config: { permission: 'claim:read' },
      schema: {
        tags,
        summary:
          'Charges by date of service, oldest first (the review queue: status=review; an encounter’s: encounterId=); restricted patients only for those who may open them',
        querystring: chargeQuerySchema,
        response: { 200: listOf(chargeSchema) },
      },
    },
    async (request) => listCharges(request.ctx, request.query),
  );

  app.patch(
    '/api/charges/:id',
    {
      config: { permission: 'claim:submit', ifMatch: true, errors: ['CONFLICT'] },
      schema: {
        tags,
        summary:
          'Correct a charge in review: code, modifiers, units, pointers or amount (an amount other than the schedule’s is a manual price and needs `reason`; a manual price stays until the code, modifiers or units change, then `notice` says it was re-priced; needs If-Match; approved or void: 409)',
        params: idParams,
        body: chargePatchSchema,
        response: { 200: chargeUpdateSchema },
      },
    },
    async (request, reply) => {
      const charge = await updateCharge(request.ctx, request.params.id, request.body, requireIfMatch(request));
      setEtag(reply, charge.version);
      return charge;
    },
  );

  app.post(
    '/api/charges/:id/approve',
    {
      config: { permission: 'claim:submit', ifMatch: true, errors: ['ILLEGAL_TRANSITION'] },
      schema: {
        tags,
        summary: 'Approve a charge in review: ready to claim, no longer edited (needs a price first: 409; needs If-Match)',
        params: idParams,
        response: { 200: chargeSchema },
      },
    },
    async (request, reply) => {
      const charge = await approveCharge(request.ctx, request.params.id, requireIfMatch(request));
      setEtag(reply, charge.version);
      return charge;
    },
  );

  app.post(
    '/api/charges/:id/void',
    {
      config: { permission: 'claim:submit', ifMatch: true, errors: ['ILLEGAL_TRANSITION'] },
      schema: {
        tags,
        summary: 'Void a charge with the reason (it stays on record and never changes again; needs If-Match)',
        params: idParams,
        body: voidChargeInputSchema,
        response: { 200: chargeSchema },
      },
    },
    async (request, reply) => {
      const charge = await voidCharge(request.ctx, request.params.id, request.body, requireIfMatch(request));
      setEtag(reply, charge.version);
      return charge;
    },
  );
}
