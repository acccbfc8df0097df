/** Patient accounts: payments (Idempotency-Key), refunds, and the account's balances. */
import {
  accountSchema,
  getAccount,
  getPayment,
  listPayments,
  paymentListQuerySchema,
  paymentInputSchema,
  paymentSchema,
  postPayment,
  refundInputSchema,
  refundPayment,
  refundSchema,
  voidInputSchema,
  voidPayment,
} from '@domain/accounts/index.ts';
import { invalid } from '@domain/shared/errors.ts';
import type { FastifyRequest } from 'fastify';
import { idParams, listOf } from '../../plugins/http-schemas.ts';
import type { App } from '../../plugins/types.ts';

const tags = ['accounts'];

/** The Idempotency-Key header (optional; 1-200 visible characters). */
function idempotencyKey(request: FastifyRequest): string | undefined {
  const raw = request.headers['idempotency-key'];
  if (raw === undefined) return undefined;
  const key = String(raw).trim();
  if (!/^[\x21-\x7e]{1,200}$/.test(key)) throw invalid('Idempotency-Key', 'use 1-200 visible characters (a UUID is ideal)');
  return key;
}

export default async function accountsRoutes(app: App) {
  app.post(
    '/api/payments',
    {
      config: { permission: 'payment:post', errors: ['IDEMPOTENCY_KEY_REUSED', 'CONFLICT', 'DAY_CLOSED'] },
      schema: {
        tags,
        summary:
          'Post a patient payment (cash, check, card from the terminal), allocated to the charges named or to the oldest open visits. Send an Idempotency-Key header: a repeat answers the same payment; the same key with another body answers 422',
        body: paymentInputSchema,
        response: { 201: paymentSchema },
      },
    },
    async (request, reply) => {
      const { payment } = await postPayment(request.ctx, request.body, idempotencyKey(request));
      return reply.code(201).send(payment);
    },
  );

  app.get(
    '/api/payments/:id',
    {
      config: { permission: 'account:read' },
      schema: { tags, summary: 'A payment with its allocations and refunds so far', params: idParams, response: { 200: paymentSchema } },
    },
    async (request) => getPayment(request.ctx, request.params.id),
  );

  app.post(
    '/api/payments/:id/refund',
    {
      config: { permission: 'refund:issue', errors: ['CONFLICT', 'DAY_CLOSED'] },
      schema: {
        tags,
        summary:
          'Return money from a payment, with the reason (never more than is left of it; not from a voided one). Dated today: 409 DAY_CLOSED when today is closed',
        params: idParams,
        body: refundInputSchema,
        response: { 201: refundSchema },
      },
    },
    async (request, reply) => reply.code(201).send(await refundPayment(request.ctx, request.params.id, request.body)),
  );

  app.post(
    '/api/payments/:id/void',
    {
      config: { permission: 'refund:issue', errors: ['CONFLICT'] },
      schema: {
        tags,
        summary:
          'Void a payment posted in error, with the reason: its journal entry is reversed today, or on the next open day when today is closed. A payment refunded, deposited or already void answers 409',
        params: idParams,
        body: voidInputSchema,
        response: { 200: paymentSchema },
      },
    },
    async (request) => voidPayment(request.ctx, request.params.id, request.body),
  );

  app.get(
    '/api/patients/:id/payments',
    {
      config: { permission: 'account:read' },
      schema: {
        tags,
        summary: "A patient's payments, newest first, with their allocations and refunds",
        params: idParams,
        querystring: paymentListQuerySchema,
        response: { 200: listOf(paymentSchema) },
      },
    },
    async (request) => listPayments(request.ctx, request.params.id, request.query),
  );

  app.get(
    '/api/patients/:id/account',
    {
      config: { permission: 'account:read' },
      schema: {
        tags,
        summary: "A patient's balances (patient and insurance parts; negative patient balance = credit) and their aging",
        params: idParams,
        response: { 200: accountSchema },
      },
    },
    async (request) => getAccount(request.ctx, request.params.id),
  );
}
