/** Collections: worklist, contact log, payment plans, agency, small-balance write-offs. */
import {
  agencyInputSchema,
  agencyReturnInputSchema,
  agencyReturnResultSchema,
  agencyResultSchema,
  cancelPlan,
  contactInputSchema,
  contactListQuerySchema,
  contactSchema,
  createPlan,
  exportAgencyAccounts,
  getWorklist,
  listContacts,
  listPlans,
  logContact,
  planCancelSchema,
  planInputSchema,
  planListQuerySchema,
  planSchema,
  returnFromAgency,
  sendToAgency,
  worklistItemSchema,
  worklistQuerySchema,
  writeOffInputSchema,
  writeOffResultSchema,
  writeOffSmallBalances,
} from '@domain/collections/index.ts';
import { idParams, listOf } from '../../plugins/http-schemas.ts';
import type { App } from '../../plugins/types.ts';

const tags = ['collections'];

export default async function collectionsRoutes(app: App) {
  app.get(
    '/api/collections/worklist',
    {
      config: { permission: 'collections:read', expensive: 'report' },
      schema: {
        tags,
        summary:
          'Guarantors whose patients owe a patient balance: oldest age bucket, last statement, last contact, promise to pay, plan and agency status (bounded pages: a page may hold fewer rows while nextCursor is set)',
        querystring: worklistQuerySchema,
        response: { 200: listOf(worklistItemSchema) },
      },
    },
    async (request) => getWorklist(request.ctx, request.query),
  );

  app.post(
    '/api/collections/contacts',
    {
      config: { permission: 'collections:manage', errors: ['NOT_FOUND'] },
      schema: {
        tags,
        summary: 'Log a contact with a guarantor (called, voicemail, spoke, emailed, letter), with a promise to pay and a follow-up date',
        body: contactInputSchema,
        response: { 201: contactSchema },
      },
    },
    async (request, reply) => reply.code(201).send(await logContact(request.ctx, request.body)),
  );

  app.get(
    '/api/collections/contacts',
    {
      config: { permission: 'collections:read', errors: ['NOT_FOUND'] },
      schema: {
        tags,
        summary: "A guarantor's contact log, newest first",
        querystring: contactListQuerySchema,
        response: { 200: listOf(contactSchema) },
      },
    },
    async (request) => listContacts(request.ctx, request.query),
  );

  app.post(
    '/api/collections/agency',
    {
      config: { permission: 'collections:manage', errors: ['NOT_FOUND'] },
      schema: {
        tags,
        summary: "Send guarantors' accounts to the outside collection agency (marked sent today)",
        body: agencyInputSchema,
        response: { 200: agencyResultSchema },
      },
    },
    async (request) => sendToAgency(request.ctx, request.body.guarantorKeys),
  );

  app.post(
    '/api/collections/agency/return',
    {
      config: { permission: 'collections:manage', errors: ['NOT_FOUND', 'CONFLICT'] },
      schema: {
        tags,
        summary:
          "The agency returned a guarantor's account (with the reason): marked returned today, back on the worklist; 409 when it is not at the agency",
        body: agencyReturnInputSchema,
        response: { 200: agencyReturnResultSchema },
      },
    },
    async (request) => returnFromAgency(request.ctx, request.body),
  );

  app.get(
    '/api/collections/agency/export.csv',
    {
      config: { permission: 'collections:read', expensive: 'report' },
      schema: {
        tags,
        summary: 'The accounts at the agency as CSV: guarantor name, address, phone, balance, oldest open date (the export is audited)',
        produces: ['text/csv'],
      },
    },
    async (request, reply) => {
      const { csv } = await exportAgencyAccounts(request.ctx);
      const day = request.ctx.clock.now().toISOString().slice(0, 10);
      return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="agency-${day}.csv"`).send(csv);
    },
  );

  app.post(
    '/api/collections/small-balance-write-offs',
    {
      config: { permission: 'collections:write-off' },
      schema: {
        tags,
        summary:
          'Write off every patient balance above zero and at most maxBalanceCents (each a balanced ledger entry); preview: true lists them and changes nothing',
        body: writeOffInputSchema,
        response: { 200: writeOffResultSchema, 201: writeOffResultSchema },
      },
    },
    async (request, reply) => {
      const result = await writeOffSmallBalances(request.ctx, request.body);
      return reply.code(result.preview ? 200 : 201).send(result);
    },
  );

  app.post(
    '/api/payment-plans',
    {
      config: { permission: 'collections:manage', errors: ['CONFLICT'] },
      schema: {
        tags,
        summary: 'Set up a payment plan: agreed total, installment amount, frequency and first due date (one active plan per patient)',
        body: planInputSchema,
        response: { 201: planSchema },
      },
    },
    async (request, reply) => reply.code(201).send(await createPlan(request.ctx, request.body)),
  );

  app.get(
    '/api/payment-plans',
    {
      config: { permission: 'collections:read' },
      schema: {
        tags,
        summary: "A patient's payment plans with their installments",
        querystring: planListQuerySchema,
        response: { 200: listOf(planSchema) },
      },
    },
    async (request) => listPlans(request.ctx, request.query.patientId),
  );

  app.post(
    '/api/payment-plans/:id/cancel',
    {
      config: { permission: 'collections:manage', errors: ['CONFLICT'] },
      schema: {
        tags,
        summary: 'Cancel an active payment plan, with the reason',
        params: idParams,
        body: planCancelSchema,
        response: { 200: planSchema },
      },
    },
    async (request) => cancelPlan(request.ctx, request.params.id, request.body.reason),
  );
}
