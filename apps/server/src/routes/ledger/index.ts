/** The practice's books: the trial balance and the general-ledger journal export. */
import { Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { trialBalance, trialBalanceQuerySchema, trialBalanceSchema } from '@domain/ledger/index.ts';
import { JOURNAL_CSV_COLUMNS, journalCsv, journalExportQuerySchema } from '@domain/reports/index.ts';
import type { App } from '../../plugins/types.ts';

const tags = ['ledger'];

export default async function ledgerRoutes(app: App) {
  app.get(
    '/api/ledger/trial-balance',
    {
      config: { permission: 'ledger:read' },
      schema: {
        tags,
        summary: 'Each account with activity and its balance (debit or credit column); the totals are equal',
        querystring: trialBalanceQuerySchema,
        response: { 200: trialBalanceSchema },
      },
    },
    async (request) => trialBalance(request.ctx, request.query),
  );

  app.get(
    '/api/ledger/journal.csv',
    {
      config: { permission: 'report:finance', expensive: 'report' },
      schema: {
        tags,
        summary: `The general-ledger journal of a date range (at most 366 days; 30 by default) as CSV for the outside accountant, one row per line, streamed (${JOURNAL_CSV_COLUMNS.join(',')}; debit and credit in decimal dollars)`,
        querystring: journalExportQuerySchema,
        produces: ['text/csv'],
      },
    },
    async (request, reply) => {
      const { from, to, chunks } = await journalCsv(request.ctx, request.query);
      const body = Readable.from(chunks, { objectMode: false });
      void reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="journal-${from}-${to}.csv"`)
        .send(body);
      // The export holds its 'report' slot until the last line is out (or the client hangs up).
      await finished(body).catch(() => undefined);
      return reply;
    },
  );
}
