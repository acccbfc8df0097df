import { z } from 'zod';
import { addressSchema } from '../patients/index.ts';
import { patchSchemaOf } from '../shared/patch-schema.ts';
import { textCheck } from '../shared/text.ts';
import { phoneSchema } from '../shared/validation.ts';
import { BILL_PAYMENT_METHODS, BILL_STATUSES, EXPENSE_CATEGORIES } from './payables.tables.ts';

const cents = z.number().int();
const date = z.iso.date();
const line = (max: number) => z.string().trim().min(1).max(max).check(textCheck());

const addressOut = z.object({
  line1: z.string(),
  line2: z.string().nullable(),
  city: z.string(),
  state: z.string(),
  postalCode: z.string(),
});

export const vendorInputSchema = z.strictObject({
  name: line(200),
  contactName: line(200)
    .nullish()
    .transform((v) => v ?? null),
  address: addressSchema.nullish().transform((v) => v ?? null),
  phone: phoneSchema.nullish().transform((v) => v ?? null),
  email: z
    .email('Enter an email address, such as billing@vendor.com.')
    .max(254)
    .nullish()
    .transform((v) => v ?? null),
  defaultCategory: z.enum(EXPENSE_CATEGORIES).default('other_expense').describe('The expense account its bills usually go to'),
  taxId: z
    .string()
    .trim()
    .regex(/^(\d{2}-?\d{7}|\d{3}-\d{2}-\d{4})$/, 'Enter the tax id as 12-3456789 (EIN) or 123-45-6789.')
    .nullish()
    .transform((v) => v ?? null),
});
export type VendorInput = z.infer<typeof vendorInputSchema>;

/** PATCH a vendor: any subset; `active: false` takes it off the list offered for new bills. */
export const vendorPatchSchema = patchSchemaOf(vendorInputSchema.extend({ active: z.boolean() }));
export type VendorPatch = z.infer<typeof vendorPatchSchema>;

export const vendorSchema = z.object({
  id: z.guid(),
  name: z.string(),
  contactName: z.string().nullable(),
  address: addressOut.nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  defaultCategory: z.enum(EXPENSE_CATEGORIES),
  taxId: z.string().nullable(),
  active: z.boolean(),
  version: z.number().int(),
});
export type Vendor = z.infer<typeof vendorSchema>;

export const vendorListQuerySchema = z.strictObject({
  q: z.string().trim().max(100).optional(),
  includeInactive: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(400).optional(),
});
export type VendorListQuery = z.infer<typeof vendorListQuerySchema>;

export const billInputSchema = z
  .strictObject({
    vendorId: z.guid(),
    invoiceNumber: line(60),
    invoiceDate: date.describe('The date on the invoice (not in the future): the day the expense is booked'),
    dueDate: date,
    amountCents: cents.min(1, 'must be more than zero').max(9_999_999_999),
    category: z.enum(EXPENSE_CATEGORIES).optional().describe("The expense account (left out: the vendor's default)"),
    memo: z
      .string()
      .trim()
      .max(500)
      .check(textCheck({ multiline: true }))
      .optional(),
  })
  .superRefine((b, ctx) => {
    if (b.dueDate < b.invoiceDate) ctx.addIssue({ code: 'custom', path: ['dueDate'], message: 'is before the invoice date' });
  });
export type BillInput = z.infer<typeof billInputSchema>;

/**
 * PATCH an unpaid bill (If-Match): any of the amount, due date, expense account, invoice number
 * and memo. The vendor and the invoice date stay (a bill for another vendor or day is voided and
 * entered again). A due date before the invoice date is checked against the bill.
 */
export const billPatchSchema = z.strictObject({
  invoiceNumber: line(60).optional(),
  dueDate: date.optional(),
  amountCents: cents.min(1, 'must be more than zero').max(9_999_999_999).optional(),
  category: z.enum(EXPENSE_CATEGORIES).optional().describe('The expense account'),
  memo: z
    .string()
    .trim()
    .max(500)
    .check(textCheck({ multiline: true }))
    .optional(),
});
export type BillPatch = z.infer<typeof billPatchSchema>;

export const billPaymentInputSchema = z
  .strictObject({
    amountCents: cents.min(1, 'must be more than zero').max(9_999_999_999),
    paidOn: date.optional().describe('The day it was paid (today when left out; never in the future)'),
    method: z.enum(BILL_PAYMENT_METHODS),
    reference: line(100).optional().describe('The check number (check), the transfer reference (transfer), or the card reference'),
  })
  .superRefine((p, ctx) => {
    if (p.method === 'check' && !p.reference)
      ctx.addIssue({ code: 'custom', path: ['reference'], message: 'a check payment needs the check number' });
    if (p.method === 'transfer' && !p.reference)
      ctx.addIssue({ code: 'custom', path: ['reference'], message: 'a transfer needs its reference' });
  });
export type BillPaymentInput = z.infer<typeof billPaymentInputSchema>;

export const billPaymentSchema = z.object({
  id: z.guid(),
  billId: z.guid(),
  amountCents: cents,
  paidOn: z.string(),
  method: z.enum(BILL_PAYMENT_METHODS),
  reference: z.string().nullable(),
  createdAt: z.string(),
});
export type BillPayment = z.infer<typeof billPaymentSchema>;

export const billInvoiceSchema = z.object({
  id: z.guid(),
  fileName: z.string(),
  contentType: z.string(),
  sizeBytes: z.number().int(),
  sha256: z.string(),
});

export const billSchema = z.object({
  id: z.guid(),
  vendorId: z.guid(),
  vendorName: z.string(),
  invoiceNumber: z.string(),
  invoiceDate: z.string(),
  dueDate: z.string(),
  amountCents: cents,
  paidCents: cents,
  openCents: cents.describe('What is left to pay'),
  category: z.enum(EXPENSE_CATEGORIES),
  memo: z.string(),
  status: z.enum(BILL_STATUSES),
  voidReason: z.string().nullable(),
  invoice: billInvoiceSchema.nullable(),
  daysPastDue: z.number().int().describe('Days since the due date on the practice’s calendar day (0 or less: not yet due)'),
  version: z.number().int(),
  createdAt: z.string(),
});
export type Bill = z.infer<typeof billSchema>;

export const billDetailSchema = billSchema.extend({ payments: z.array(billPaymentSchema) });
export type BillDetail = z.infer<typeof billDetailSchema>;

export const BILL_FILTERS = ['open', 'due_soon', 'overdue', 'paid', 'void', 'all'] as const;
export type BillFilter = (typeof BILL_FILTERS)[number];

export const billListQuerySchema = z.strictObject({
  filter: z
    .enum(BILL_FILTERS)
    .default('open')
    .describe('open: not fully paid; due_soon: open and due within `days` (overdue included); overdue: open and past due'),
  days: z.coerce.number().int().min(0).max(365).default(7).describe('For due_soon: how many days ahead'),
  vendorId: z.guid().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(400).optional(),
});
export type BillListQuery = z.infer<typeof billListQuerySchema>;

export const voidBillInputSchema = z.strictObject({
  reason: z
    .string()
    .trim()
    .min(1)
    .max(500)
    .check(textCheck({ multiline: true })),
});

export const PAYABLES_AGING_BUCKETS = ['current', '1-30', '31-60', '61-90', '90+'] as const;
export type PayablesAgingBucket = (typeof PAYABLES_AGING_BUCKETS)[number];

const bucketsSchema = z.object(
  Object.fromEntries(PAYABLES_AGING_BUCKETS.map((b) => [b, cents])) as Record<PayablesAgingBucket, typeof cents>,
);

export const payablesAgingQuerySchema = z.strictObject({
  format: z.enum(['json', 'csv']).default('json'),
  limit: z.coerce.number().int().min(1).max(500).default(200),
  cursor: z.string().max(400).optional(),
});

export const payablesAgingSchema = z.object({
  asOf: z.string().describe('The practice’s calendar day the ages are counted on'),
  items: z.array(
    z.object({ vendorId: z.guid(), vendorName: z.string(), buckets: bucketsSchema, totalCents: cents, billCount: z.number().int() }),
  ),
  nextCursor: z.string().nullable(),
  totals: bucketsSchema.describe('All open bills of the practice (every page)'),
  totalCents: cents,
});
export type PayablesAging = z.infer<typeof payablesAgingSchema>;
