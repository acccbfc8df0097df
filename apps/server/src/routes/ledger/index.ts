/** The practice's books: the trial balance (more of the ledger comes with patient accounts). */
import { trialBalance, trialBalanceQuerySchema, trialBalanceSchema } from '@domain/ledger/index.ts';
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
}
