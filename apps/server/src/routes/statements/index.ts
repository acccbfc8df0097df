/** Patient statements: runs (one statement per guarantor owing at least a threshold), their PDFs, a patient's statements. */
import {
  combinedPdfQuerySchema,
  getStatementRun,
  listPatientStatements,
  listStatementRuns,
  printStatement,
  printStatementRun,
  runStatements,
  statementListQuerySchema,
  statementRunDetailSchema,
  statementRunInputSchema,
  statementRunSchema,
  statementSummarySchema,
} from '@domain/statements/index.ts';
import { idParams, listOf } from '../../plugins/http-schemas.ts';
import type { App } from '../../plugins/types.ts';

const tags = ['statements'];

export default async function statementsRoutes(app: App) {
  app.post(
    '/api/statement-runs',
    {
      config: { permission: 'statement:run', expensive: 'report' },
      schema: {
        tags,
        summary:
          "Run statements: one per guarantor whose family's patient balance is at least minBalanceCents and whose next statement date has come (dunning level from the last one; emailed notice where agreed)",
        body: statementRunInputSchema,
        response: { 201: statementRunSchema },
      },
    },
    async (request, reply) => reply.code(201).send(await runStatements(request.ctx, request.body)),
  );

  app.get(
    '/api/statement-runs',
    {
      config: { permission: 'account:read' },
      schema: {
        tags,
        summary: 'Statement runs, newest first, with their counts and totals',
        querystring: statementListQuerySchema,
        response: { 200: listOf(statementRunSchema) },
      },
    },
    async (request) => listStatementRuns(request.ctx, request.query),
  );

  app.get(
    '/api/statement-runs/:id',
    {
      config: { permission: 'account:read' },
      schema: {
        tags,
        summary: 'A statement run with a page of its statements, by guarantor name',
        params: idParams,
        querystring: statementListQuerySchema,
        response: { 200: statementRunDetailSchema },
      },
    },
    async (request) => getStatementRun(request.ctx, request.params.id, request.query),
  );

  app.get(
    '/api/statement-runs/:id/pdf',
    {
      config: { permission: 'account:read', expensive: 'report' },
      schema: {
        tags,
        summary: "The run's statements in one PDF for printing (500 per part; the x-statement-parts header says how many parts)",
        params: idParams,
        querystring: combinedPdfQuerySchema,
        produces: ['application/pdf'],
      },
    },
    async (request, reply) => {
      const { pdf, parts } = await printStatementRun(request.ctx, request.params.id, request.query.part);
      return reply
        .type('application/pdf')
        .header('cache-control', 'no-store')
        .header('x-statement-parts', String(parts))
        .header('content-disposition', `inline; filename="statements-${request.params.id}-${request.query.part}.pdf"`)
        .send(pdf);
    },
  );

  app.get(
    '/api/statements/:id/pdf',
    {
      config: { permission: 'account:read', expensive: 'report' },
      schema: { tags, summary: "One guarantor's statement as it was sent (PDF)", params: idParams, produces: ['application/pdf'] },
    },
    async (request, reply) => {
      const pdf = await printStatement(request.ctx, request.params.id);
      return reply
        .type('application/pdf')
        .header('cache-control', 'no-store')
        .header('content-disposition', `inline; filename="statement-${request.params.id}.pdf"`)
        .send(pdf);
    },
  );

  app.get(
    '/api/patients/:id/statements',
    {
      config: { permission: 'account:read' },
      schema: {
        tags,
        summary: "The statements that showed a patient's balance (theirs or their guarantor's), newest first",
        params: idParams,
        querystring: statementListQuerySchema,
        response: { 200: listOf(statementSummarySchema) },
      },
    },
    async (request) => listPatientStatements(request.ctx, request.params.id, request.query),
  );
}
