/** Payables: vendors, bills (with the invoice file), bill payments, aging and what is due soon. */
import { MAX_DOCUMENT_BYTES } from '@domain/documents/index.ts';
import {
  attachInvoice,
  billDetailSchema,
  billInputSchema,
  billListQuerySchema,
  billPatchSchema,
  billPaymentInputSchema,
  billPaymentSchema,
  billSchema,
  createVendor,
  enterBill,
  getBill,
  getVendor,
  listBills,
  listVendors,
  payablesAging,
  payablesAgingCsv,
  payablesAgingQuerySchema,
  payablesAgingSchema,
  payBill,
  readInvoice,
  updateBill,
  updateVendor,
  vendorInputSchema,
  vendorListQuerySchema,
  vendorPatchSchema,
  vendorSchema,
  voidBill,
  voidBillInputSchema,
} from '@domain/payables/index.ts';
import { AppError } from '@domain/shared/errors.ts';
import { textCheck } from '@domain/shared/text.ts';
import { z } from 'zod';
import { requireIfMatch, setEtag } from '../../plugins/etag.ts';
import { idParams, listOf } from '../../plugins/http-schemas.ts';
import type { App } from '../../plugins/types.ts';

const tags = ['payables'];

/** Raw upload bodies: a browser sends a File with its own type, curl --data-binary with octet-stream. */
const UPLOAD_TYPES = ['application/octet-stream', 'application/pdf', 'image/jpeg', 'image/png', 'image/tiff'];

function contentDisposition(kind: 'inline' | 'attachment', fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

export default async function payablesRoutes(app: App) {
  app.addContentTypeParser(UPLOAD_TYPES, { parseAs: 'buffer', bodyLimit: MAX_DOCUMENT_BYTES }, (_request, body, done) => done(null, body));

  app.get(
    '/api/vendors',
    {
      config: { permission: 'payables:read' },
      schema: {
        tags,
        summary: "The practice's vendors by name (active ones unless includeInactive=true); q finds a part of the name",
        querystring: vendorListQuerySchema,
        response: { 200: listOf(vendorSchema) },
      },
    },
    async (request) => listVendors(request.ctx, request.query),
  );

  app.post(
    '/api/vendors',
    {
      config: { permission: 'payables:manage', errors: ['ALREADY_EXISTS'] },
      schema: { tags, summary: 'Add a vendor (one of a name per practice)', body: vendorInputSchema, response: { 201: vendorSchema } },
    },
    async (request, reply) => {
      const vendor = await createVendor(request.ctx, request.body);
      setEtag(reply, vendor.version);
      return reply.code(201).send(vendor);
    },
  );

  app.get(
    '/api/vendors/:id',
    {
      config: { permission: 'payables:read' },
      schema: { tags, summary: 'A vendor (ETag: its version)', params: idParams, response: { 200: vendorSchema } },
    },
    async (request, reply) => {
      const vendor = await getVendor(request.ctx, request.params.id);
      setEtag(reply, vendor.version);
      return vendor;
    },
  );

  app.patch(
    '/api/vendors/:id',
    {
      config: { permission: 'payables:manage', ifMatch: true, errors: ['ALREADY_EXISTS'] },
      schema: {
        tags,
        summary: 'Edit a vendor, or take it off the list offered for new bills (active: false; needs If-Match)',
        params: idParams,
        body: vendorPatchSchema,
        response: { 200: vendorSchema },
      },
    },
    async (request, reply) => {
      const vendor = await updateVendor(request.ctx, request.params.id, request.body, requireIfMatch(request));
      setEtag(reply, vendor.version);
      return vendor;
    },
  );

  app.get(
    '/api/bills',
    {
      config: { permission: 'payables:read' },
      schema: {
        tags,
        summary: 'Bills by due date: open (default), due_soon (open and due within `days`, overdue included), overdue, paid, void or all',
        querystring: billListQuerySchema,
        response: { 200: listOf(billSchema).extend({ asOf: z.string() }) },
      },
    },
    async (request) => listBills(request.ctx, request.query),
  );

  app.post(
    '/api/bills',
    {
      config: { permission: 'payables:manage', errors: ['ALREADY_EXISTS'] },
      schema: {
        tags,
        summary: 'Enter a vendor bill: posts Dr its expense account, Cr accounts payable (invoice number unique per vendor)',
        body: billInputSchema,
        response: { 201: billDetailSchema },
      },
    },
    async (request, reply) => {
      const bill = await enterBill(request.ctx, request.body);
      setEtag(reply, bill.version);
      return reply.code(201).send(bill);
    },
  );

  app.get(
    '/api/bills/:id',
    {
      config: { permission: 'payables:read' },
      schema: { tags, summary: 'A bill with its payments (ETag: its version)', params: idParams, response: { 200: billDetailSchema } },
    },
    async (request, reply) => {
      const bill = await getBill(request.ctx, request.params.id);
      setEtag(reply, bill.version);
      return bill;
    },
  );

  app.patch(
    '/api/bills/:id',
    {
      config: { permission: 'payables:manage', ifMatch: true, errors: ['CONFLICT', 'ALREADY_EXISTS'] },
      schema: {
        tags,
        summary:
          'Edit a bill nothing was paid on (needs If-Match; 409 once paid in part or void): amount, due date, expense account, invoice number, memo. A new amount or account reverses its journal entry and posts it again today',
        params: idParams,
        body: billPatchSchema,
        response: { 200: billDetailSchema },
      },
    },
    async (request, reply) => {
      const bill = await updateBill(request.ctx, request.params.id, request.body, requireIfMatch(request));
      setEtag(reply, bill.version);
      return bill;
    },
  );

  app.post(
    '/api/bills/:id/payments',
    {
      config: { permission: 'payables:manage', errors: ['CONFLICT'] },
      schema: {
        tags,
        summary:
          'Pay (part of) a bill by check (number), transfer (reference) or card: never more than is left (400 naming amountCents); posts Dr accounts payable, Cr bank',
        params: idParams,
        body: billPaymentInputSchema,
        response: { 201: billPaymentSchema },
      },
    },
    async (request, reply) => reply.code(201).send(await payBill(request.ctx, request.params.id, request.body)),
  );

  app.post(
    '/api/bills/:id/void',
    {
      config: { permission: 'payables:manage', ifMatch: true, errors: ['CONFLICT'] },
      schema: {
        tags,
        summary: 'Void a bill nothing was paid on, with the reason (needs If-Match): its journal entry is reversed today',
        params: idParams,
        body: voidBillInputSchema,
        response: { 200: billDetailSchema },
      },
    },
    async (request, reply) => {
      const bill = await voidBill(request.ctx, request.params.id, request.body.reason, requireIfMatch(request));
      setEtag(reply, bill.version);
      return bill;
    },
  );

  app.post(
    '/api/bills/:id/invoice',
    {
      config: { permission: 'payables:manage' },
      bodyLimit: MAX_DOCUMENT_BYTES,
      schema: {
        tags,
        summary:
          'Attach the invoice file: the raw file as the body (PDF, JPEG, PNG or TIFF, at most 10 MB; type detected from the content), its name in the query',
        consumes: UPLOAD_TYPES,
        params: idParams,
        querystring: z.strictObject({
          fileName: z
            .string()
            .trim()
            .min(1)
            .max(200)
            .check(textCheck())
            .refine((v) => !/[\\/\0]/.test(v), 'a file name, not a path'),
        }),
        body: z.any().describe('the file bytes'),
        response: { 201: billDetailSchema },
      },
    },
    async (request, reply) => {
      const body = request.body;
      if (!Buffer.isBuffer(body))
        throw new AppError('UNSUPPORTED_MEDIA_TYPE', `send the file itself as the body, with Content-Type ${UPLOAD_TYPES.join(', ')}`);
      const bill = await attachInvoice(request.ctx, app.services.documentStorage, request.params.id, request.query, body);
      setEtag(reply, bill.version);
      return reply.code(201).send(bill);
    },
  );

  app.get(
    '/api/bills/:id/invoice',
    {
      config: { permission: 'payables:read', errors: ['INTEGRITY_FAILURE'] },
      schema: {
        tags,
        summary: "The bill's invoice file (attachment by default; disposition=inline to view); refused with 500 if it changed on disk",
        params: idParams,
        querystring: z.strictObject({ disposition: z.enum(['inline', 'attachment']).default('attachment') }),
      },
    },
    async (request, reply) => {
      const file = await readInvoice(request.ctx, app.services.documentStorage, request.params.id);
      return reply
        .header('content-type', file.contentType)
        .header('content-length', String(file.bytes.length))
        .header('content-disposition', contentDisposition(request.query.disposition, file.fileName))
        .header('x-content-type-options', 'nosniff')
        .header('etag', `"${file.sha256}"`)
        .send(file.bytes);
    },
  );

  app.get(
    '/api/payables/aging',
    {
      config: { permission: 'payables:read', expensive: 'report' },
      schema: {
        tags,
        summary:
          'What the practice owes its vendors by days past due (current, 1-30, 31-60, 61-90, 90+), per vendor and in total; format=csv for the whole list as CSV',
        querystring: payablesAgingQuerySchema,
        produces: ['application/json', 'text/csv'],
        response: { 200: payablesAgingSchema },
      },
    },
    async (request, reply) => {
      if (request.query.format === 'csv') {
        const { asOf, csv } = await payablesAgingCsv(request.ctx);
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="payables-aging-${asOf}.csv"`)
          .send(csv as never); // text, not the JSON schema's object: sent as is
      }
      return payablesAging(request.ctx, request.query);
    },
  );
}
