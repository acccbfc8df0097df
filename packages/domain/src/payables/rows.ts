import type { Selectable } from 'kysely';
import type { Ctx } from '../shared/context.ts';
import { notFound } from '../shared/errors.ts';
import type { Bill, BillDetail, BillPayment, Vendor } from './payables.schemas.ts';
import type { BillPaymentsTable, BillsTable, VendorsTable } from './payables.tables.ts';
import { daysBetween } from './today.ts';
import { keyset } from '../shared/cursor.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (v: string) => UUID.test(v);

type Address = { line1: string; line2?: string | null; city: string; state: string; postalCode: string };

export function toVendor(r: Selectable<VendorsTable>): Vendor {
  const a = r.address as Address | null;
  return {
    id: r.id,
    name: r.name,
    contactName: r.contact_name,
    address: a ? { line1: a.line1, line2: a.line2 ?? null, city: a.city, state: a.state, postalCode: a.postalCode } : null,
    phone: r.phone,
    email: r.email,
    defaultCategory: r.default_category,
    taxId: r.tax_id,
    active: r.active,
    version: r.version,
  };
}

export function toBillPayment(r: Selectable<BillPaymentsTable>): BillPayment {
  return {
    id: r.id,
    billId: r.bill_id,
    amountCents: Number(r.amount_cents),
    paidOn: r.paid_on,
    method: r.method,
    reference: r.reference,
    createdAt: r.created_at.toISOString(),
  };
}

/** The columns a bill is shown with: its own, its vendor's name and its invoice file. */
export function billQuery(ctx: Ctx) {
  return ctx.db
    .selectFrom('bills as b')
    .innerJoin('vendors as v', (j) => j.onRef('v.id', '=', 'b.vendor_id').onRef('v.organization_id', '=', 'b.organization_id'))
    .leftJoin('bill_invoices as i', (j) =>
      j.onRef('i.id', '=', 'b.invoice_document_id').onRef('i.organization_id', '=', 'b.organization_id'),
    )
    .selectAll('b')
    .select([
      'v.name as vendor_name',
      'i.file_name as invoice_file_name',
      'i.content_type as invoice_content_type',
      'i.size_bytes as invoice_size_bytes',
      'i.sha256 as invoice_sha256',
    ])
    .where('b.organization_id', '=', ctx.organizationId);
}

export type BillRow = Selectable<BillsTable> & {
  vendor_name: string;
  invoice_file_name: string | null;
  invoice_content_type: string | null;
  invoice_size_bytes: number | null;
  invoice_sha256: string | null;
};

export function toBill(r: BillRow, today: string): Bill {
  const amount = Number(r.amount_cents);
  const paid = Number(r.paid_cents);
  return {
    id: r.id,
    vendorId: r.vendor_id,
    vendorName: r.vendor_name,
    invoiceNumber: r.invoice_number,
    invoiceDate: r.invoice_date,
    dueDate: r.due_date,
    amountCents: amount,
    paidCents: paid,
    openCents: r.status === 'void' ? 0 : amount - paid,
    category: r.category,
    memo: r.memo,
    status: r.status,
    voidReason: r.void_reason,
    invoice:
      r.invoice_document_id && r.invoice_file_name
        ? {
            id: r.invoice_document_id,
            fileName: r.invoice_file_name,
            contentType: r.invoice_content_type ?? 'application/octet-stream',
            sizeBytes: Number(r.invoice_size_bytes),
            sha256: r.invoice_sha256 ?? '',
          }
        : null,
    daysPastDue: daysBetween(r.due_date, today),
    version: r.version,
    createdAt: r.created_at.toISOString(),
  };
}

/** A bill of the caller's practice with its payments (404 for another practice's or none). */
export async function loadBillDetail(ctx: Ctx, id: string, today: string): Promise<BillDetail> {
  const row = isUuid(id) ? await billQuery(ctx).where('b.id', '=', id).executeTakeFirst() : undefined;
  if (!row) throw notFound('bill');
  const payments = await ctx.db
    .selectFrom('bill_payments')
    .selectAll()
    .where('organization_id', '=', ctx.organizationId)
    .where('bill_id', '=', id)
    .orderBy('paid_on')
    .orderBy('created_at')
    .limit(500)
    .execute();
  return { ...toBill(row as BillRow, today), payments: payments.map(toBillPayment) };
}

/** Bills page by due date then id; vendors (and the aging's vendors) by name then id. */
export const billKeys = keyset('date', 'uuid');
export const vendorKeys = keyset('text', 'uuid');
