/**
 * Finance reports: A/R aging, days in A/R, collections and adjustments, payments by method and
 * the trial balance, each as JSON or (`?format=csv`) as CSV with the same figures. All run as
 * 'report' work: limited per process and under the report statement timeout.
 */
import {
  arAgingCsv,
  arAgingQuerySchema,
  arAgingReport,
  arAgingReportSchema,
  collectionsByReasonCsv,
  collectionsCsv,
  collectionsQuerySchema,
  collectionsReport,
  collectionsReportSchema,
  daysInArCsv,
  daysInArQuerySchema,
  daysInArReport,
  daysInArReportSchema,
  paymentsByMethodCsv,
  paymentsByMethodQuerySchema,
  paymentsByMethodReport,
  paymentsByMethodReportSchema,
  trialBalanceCsv,
  trialBalanceReport,
  trialBalanceReportQuerySchema,
  trialBalanceReportSchema,
} from '@domain/reports/index.ts';
import type { FastifyReply } from 'fastify';
import type { App } from '../../plugins/types.ts';

const tags = ['reports'];
const config = { permission: 'report:finance', expensive: 'report' } as const;
const produces = ['application/json', 'text/csv'];

/** The report as JSON, or its CSV twin as an attachment. */
function answer<R>(reply: FastifyReply, format: 'json' | 'csv', name: string, report: R, csv: (r: R) => string): R {
  if (format !== 'csv') return report;
  void reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${name}.csv"`).send(csv(report));
  return reply as unknown as R;
}

export default async function reportsRoutes(app: App) {
  app.get(
    '/api/reports/ar-aging',
    {
      config,
      schema: {
        tags,
        summary:
          'A/R aging on a day: insurance A/R by payer and patient A/R in the buckets 0-30, 31-60, 61-90, 91-120, 120+, with totals (?format=csv for CSV)',
        querystring: arAgingQuerySchema,
        produces,
        response: { 200: arAgingReportSchema },
      },
    },
    async (request, reply) => {
      const { format, ...q } = request.query;
      return answer(reply, format, `ar-aging-${q.asOf ?? 'today'}`, await arAgingReport(request.ctx, q), arAgingCsv);
    },
  );

  app.get(
    '/api/reports/days-in-ar',
    {
      config,
      schema: {
        tags,
        summary: 'Days in A/R: total A/R ÷ average daily gross charges of the last `days` days (90 by default), with the inputs',
        querystring: daysInArQuerySchema,
        produces,
        response: { 200: daysInArReportSchema },
      },
    },
    async (request, reply) => {
      const { format, ...q } = request.query;
      return answer(reply, format, 'days-in-ar', await daysInArReport(request.ctx, q), daysInArCsv);
    },
  );

  app.get(
    '/api/reports/collections',
    {
      config,
      schema: {
        tags,
        summary:
          'Payments received (insurance, patient) and adjustments by kind (contractual, other payer, write-offs, provider-level) and by reason (CARC group and code, write-off kind, refunds) by day, week or month; at most 366 days (?format=csv&view=reasons: the reasons as CSV)',
        querystring: collectionsQuerySchema,
        produces,
        response: { 200: collectionsReportSchema },
      },
    },
    async (request, reply) => {
      const { format, view, ...q } = request.query;
      const report = await collectionsReport(request.ctx, q);
      if (view === 'reasons') return answer(reply, format, 'collections-by-reason', report, collectionsByReasonCsv);
      return answer(reply, format, 'collections', report, collectionsCsv);
    },
  );

  app.get(
    '/api/reports/payments-by-method',
    {
      config,
      schema: {
        tags,
        summary:
          'Patient payments by method (cash, check, card): counts and amounts, by location and by the user who posted; at most 366 days',
        querystring: paymentsByMethodQuerySchema,
        produces,
        response: { 200: paymentsByMethodReportSchema },
      },
    },
    async (request, reply) => {
      const { format, ...q } = request.query;
      return answer(reply, format, 'payments-by-method', await paymentsByMethodReport(request.ctx, q), paymentsByMethodCsv);
    },
  );

  app.get(
    '/api/reports/trial-balance',
    {
      config,
      schema: {
        tags,
        summary: 'The trial balance through a day, for the report screen (?format=csv for CSV)',
        querystring: trialBalanceReportQuerySchema,
        produces,
        response: { 200: trialBalanceReportSchema },
      },
    },
    async (request, reply) => {
      const { format, ...q } = request.query;
      return answer(reply, format, 'trial-balance', await trialBalanceReport(request.ctx, q), trialBalanceCsv);
    },
  );
}
