/** Daily close per location and deposits to the bank. */
import {
  closeDay,
  closeDayInputSchema,
  createDeposit,
  dailyCloseListQuerySchema,
  dailyCloseSchema,
  dayPreviewQuerySchema,
  dayPreviewSchema,
  depositInputSchema,
  depositListQuerySchema,
  depositSchema,
  listDailyCloses,
  listDeposits,
  listUndepositedPayments,
  previewDailyClose,
  undepositedPaymentSchema,
  undepositedQuerySchema,
} from '@domain/deposits/index.ts';
import { listOf, problemWith } from '../../plugins/http-schemas.ts';
import type { App } from '../../plugins/types.ts';
import { z } from 'zod';

const tags = ['deposits'];

export default async function depositsRoutes(app: App) {
  app.post(
    '/api/daily-closes',
    {
      config: { permission: 'day:close', errors: ['ALREADY_EXISTS'] },
      schema: {
        tags,
        summary:
          "Close a location's day: the payments by method and by user, the cash expected and counted, the variance (posted to cash over and short). The same day again answers 409; nothing may be dated into a closed day afterwards (409 DAY_CLOSED)",
        body: closeDayInputSchema,
        response: { 201: dailyCloseSchema, 409: problemWith({ closeId: z.guid().optional() }) },
      },
    },
    async (request, reply) => reply.code(201).send(await closeDay(request.ctx, request.body)),
  );

  app.get(
    '/api/daily-closes',
    {
      config: { permission: 'day:read' },
      schema: {
        tags,
        summary: "A location's closed days, newest first",
        querystring: dailyCloseListQuerySchema,
        response: { 200: listOf(dailyCloseSchema) },
      },
    },
    async (request) => listDailyCloses(request.ctx, request.query),
  );

  app.get(
    '/api/daily-closes/preview',
    {
      config: { permission: 'day:read' },
      schema: {
        tags,
        summary: 'What closing the day would record (before the cash is counted), and the close when the day is closed',
        querystring: dayPreviewQuerySchema,
        response: { 200: dayPreviewSchema },
      },
    },
    async (request) => previewDailyClose(request.ctx, request.query),
  );

  app.post(
    '/api/deposits',
    {
      config: { permission: 'deposit:create', errors: ['CONFLICT', 'DAY_CLOSED'] },
      schema: {
        tags,
        summary:
          "Take payments to the bank: those named, or every undeposited payment of the location's closed days. A payment is deposited once; the deposit posts Dr bank, Cr cash drawer and undeposited funds",
        body: depositInputSchema,
        response: { 201: depositSchema },
      },
    },
    async (request, reply) => reply.code(201).send(await createDeposit(request.ctx, request.body)),
  );

  app.get(
    '/api/deposits',
    {
      config: { permission: 'day:read' },
      schema: {
        tags,
        summary: "A location's deposits, newest first",
        querystring: depositListQuerySchema,
        response: { 200: listOf(depositSchema) },
      },
    },
    async (request) => listDeposits(request.ctx, request.query),
  );

  app.get(
    '/api/deposits/undeposited',
    {
      config: { permission: 'day:read' },
      schema: {
        tags,
        summary: "The location's payments not yet deposited (not voided), oldest first, and whether their day is closed",
        querystring: undepositedQuerySchema,
        response: { 200: listOf(undepositedPaymentSchema) },
      },
    },
    async (request) => listUndepositedPayments(request.ctx, request.query),
  );
}
