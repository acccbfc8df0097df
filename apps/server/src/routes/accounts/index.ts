/** Patient accounts: payments (Idempotency-Key), refunds, and the account's balances. */
import {
  accountSchema,
  emailReceipt,
  expectedCopayQuerySchema,
  expectedCopays,
  expectedCopaySchema,
  printReceipt,
  receiptEmailSchema,
  getAccount,
  getPayment,
  listPayments,
  paymentListQuerySchema,
  paymentInputSchema,
  paymentSchema,
  refundInputSchema,
  refundPayment,
  refundSchema,
  takePayment,
  voidInputSchema,
  voidPayment,
} from '@domain/accounts/index.ts';
import { HttpCardGateway } from '@domain/shared/outside/http-card-gateway.ts';
import { invalid } from '@domain/shared/errors.ts';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
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
  const settings = app.services.config.cardGateway;
  const gateway = settings ? new HttpCardGateway(settings) : undefined;
  app.post(
    '/api/payments',
    {
      config: { permission: 'payment:post', errors: ['IDEMPOTENCY_KEY_REUSED', 'CONFLICT', 'CARD_DECLINED', 'DAY_CLOSED'] },
      schema: {
        tags,
        summary:
          'Post a patient payment (cash, check, card from the terminal, or a card token charged through the card gateway first: declined 402, gateway down 503, nothing posted), allocated to the charges named or to the oldest open visits. Send an Idempotency-Key header: a repeat answers the same payment; the same key with another body answers 422',
        body: paymentInputSchema,
        response: { 201: paymentSchema },
      },
    },
    async (request, reply) => {
      const { payment } = await takePayment(request.ctx, request.body, idempotencyKey(request), gateway);
      return reply.code(201).send(payment);
    },
  );

  app.get(
    '/api/expected-copays',
    {
      config: { permission: 'payment:post' },
      schema: {
        tags,
        summary:
          "The copays the desk expects today from these patients (the primary coverage's office copay, else its latest 271's), and what each already paid today",
        querystring: expectedCopayQuerySchema,
        response: { 200: z.object({ items: z.array(expectedCopaySchema) }) },
      },
    },
    async (request) => expectedCopays(request.ctx, request.query.patientIds, request.query.locationId ?? null),
  );

  app.get(
    '/api/payments/:id',
    {
      config: { permission: 'account:read' },
      schema: { tags, summary: 'A payment with its allocations and refunds so far', params: idParams, response: { 200: paymentSchema } },
    },
    async (request) => getPayment(request.ctx, request.params.id),
  );

  app.get(
    '/api/payments/:id/receipt.pdf',
    {
      config: { permission: 'account:read', expensive: 'report' },
      schema: {
        tags,
        summary:
          "A payment's receipt (PDF): practice, location, patient, date, method with last four or check number, amount, the visits it paid, the balance left",
        params: idParams,
        produces: ['application/pdf'],
      },
    },
    async (request, reply) => {
      const pdf = await printReceipt(request.ctx, request.params.id);
      return reply
        .type('application/pdf')
        .header('cache-control', 'no-store')
        .header('content-disposition', `inline; filename="receipt-${request.params.id}.pdf"`)
        .send(pdf);
    },
  );

  app.post(
    '/api/payments/:id/receipt/email',
    {
      config: { permission: 'payment:post', errors: ['CONFLICT'] },
      schema: {
        tags,
        summary:
          "Email a payment's receipt to the patient (only with an address on the record and their consent to email; 409 otherwise, nothing queued)",
        params: idParams,
        response: { 202: receiptEmailSchema },
      },
    },
    async (request, reply) => reply.code(202).send(await emailReceipt(request.ctx, request.params.id)),
  );

  app.post(
    '/api/payments/:id/refund',
    {
      config: { permission: 'refund:issue', errors: ['CONFLICT', 'DAY_CLOSED', 'CARD_DECLINED'] },
      schema: {
        tags,
        summary:
          'Return money from a payment, with the reason (never more than is left of it; not from a voided one). Dated today: 409 DAY_CLOSED when today is closed. A card charged through the card gateway is refunded there first: declined 402, gateway down 503, nothing posted',
        params: idParams,
        body: refundInputSchema,
        response: { 201: refundSchema },
      },
    },
    async (request, reply) => reply.code(201).send(await refundPayment(request.ctx, request.params.id, request.body, gateway)),
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
