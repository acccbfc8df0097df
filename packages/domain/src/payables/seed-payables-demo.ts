/**
 * The demo practice's payables, entered the way the office manager would, by the system for the
 * demo (purpose `demo-seed:payables`: no user's name on the rows): eight vendors (landlord,
 * medical supply, utilities, phone, lab courier, IT services, cleaning, payroll service) and their
 * bills around today: some paid, one partly paid, one overdue, two due this week, the rest due later.
 */
import { todayAt } from '../access/index.ts';
import type { DemoSeeder } from '../demo/index.ts';
import { systemCtx } from '../shared/context.ts';
import { createVendor } from './create-vendor.ts';
import { enterBill } from './enter-bill.ts';
import { payBill } from './pay-bill.ts';
import { billInputSchema, billPaymentInputSchema, vendorInputSchema } from './payables.schemas.ts';
import type { ExpenseCategory } from './payables.tables.ts';
import { addDays } from '../shared/local-time.ts';

const VENDORS: {
  key: string;
  name: string;
  contactName: string;
  phone: string;
  email: string;
  category: ExpenseCategory;
  address: { line1: string; city: string; state: string; postalCode: string };
  taxId?: string;
}[] = [
  {
    key: 'landlord',
    name: 'Lakeview Properties LLC',
    contactName: 'Dana Whitfield',
    phone: '(303) 555-0181',
    email: 'leasing@lakeview-properties.example',
    category: 'rent',
    address: { line1: '1200 Lakeview Ave, Suite 300', city: 'Denver', state: 'CO', postalCode: '80202' },
    taxId: '84-1234567',
  },
  {
    key: 'supply',
    name: 'Midwest Medical Supply Co.',
    contactName: 'Accounts Receivable',
    phone: '(312) 555-0147',
    email: 'ar@midwestmedsupply.example',
    category: 'supplies',
    address: { line1: '455 Industrial Pkwy', city: 'Aurora', state: 'IL', postalCode: '60504' },
    taxId: '36-7654321',
  },
  {
    key: 'power',
    name: 'City Power & Light',
    contactName: 'Customer Service',
    phone: '(303) 555-0100',
    email: 'billing@citypower.example',
    category: 'utilities',
    address: { line1: 'PO Box 1900', city: 'Denver', state: 'CO', postalCode: '80201' },
  },
  {
    key: 'phone',
    name: 'Northline Telecom',
    contactName: 'Business Accounts',
    phone: '(800) 555-0133',
    email: 'business@northline.example',
    category: 'utilities',
    address: { line1: '88 Relay St', city: 'Boulder', state: 'CO', postalCode: '80301' },
  },
  {
    key: 'courier',
    name: 'Rapid Lab Courier',
    contactName: 'Marisol Ortega',
    phone: '(720) 555-0162',
    email: 'dispatch@rapidlabcourier.example',
    category: 'services',
    address: { line1: '3100 Brighton Blvd', city: 'Denver', state: 'CO', postalCode: '80216' },
  },
  {
    key: 'it',
    name: 'BrightPath IT Services',
    contactName: 'Kevin Osei',
    phone: '(720) 555-0119',
    email: 'invoices@brightpath-it.example',
    category: 'services',
    address: { line1: '17 Tech Center Dr', city: 'Englewood', state: 'CO', postalCode: '80112' },
    taxId: '47-2223334',
  },
  {
    key: 'cleaning',
    name: 'Spotless Commercial Cleaning',
    contactName: 'Renée Dubois',
    phone: '(303) 555-0175',
    email: 'office@spotlessclean.example',
    category: 'services',
    address: { line1: '940 Santa Fe Dr', city: 'Denver', state: 'CO', postalCode: '80204' },
  },
  {
    key: 'payroll',
    name: 'Harbor Payroll Services',
    contactName: 'Client Support',
    phone: '(866) 555-0190',
    email: 'support@harborpayroll.example',
    category: 'payroll',
    address: { line1: '501 Harbor Way', city: 'Golden', state: 'CO', postalCode: '80401' },
  },
];

/** Days are relative to today: invoice, due, and the payment (if any). */
const BILLS: {
  vendor: string;
  invoiceNumber: string;
  invoiceDay: number;
  dueDay: number;
  amountCents: number;
  memo: string;
  paid?: { cents: number; day: number; method: 'check' | 'transfer' | 'card'; reference: string };
}[] = [
  {
    vendor: 'landlord',
    invoiceNumber: 'LV-2041',
    invoiceDay: -35,
    dueDay: -30,
    amountCents: 480_000,
    memo: 'Suite 210 rent, last month',
    paid: { cents: 480_000, day: -31, method: 'check', reference: '1041' },
  },
  { vendor: 'landlord', invoiceNumber: 'LV-2077', invoiceDay: -5, dueDay: 3, amountCents: 480_000, memo: 'Suite 210 rent, this month' },
  {
    vendor: 'supply',
    invoiceNumber: 'MMS-558120',
    invoiceDay: -40,
    dueDay: -10,
    amountCents: 128_745,
    memo: 'Exam table paper, gloves (nitrile, M/L), specimen cups',
  },
  {
    vendor: 'supply',
    invoiceNumber: 'MMS-561904',
    invoiceDay: -20,
    dueDay: 10,
    amountCents: 64_210,
    memo: 'Flu vaccine syringes, alcohol prep pads',
    paid: { cents: 30_000, day: -6, method: 'transfer', reference: 'ACH-7731905' },
  },
  { vendor: 'power', invoiceNumber: '0098-4471-22', invoiceDay: -12, dueDay: 5, amountCents: 38_672, memo: 'Electricity, monthly' },
  { vendor: 'phone', invoiceNumber: 'NT-99120455', invoiceDay: -8, dueDay: 20, amountCents: 21_499, memo: 'Phone lines and internet' },
  {
    vendor: 'courier',
    invoiceNumber: 'RLC-3312',
    invoiceDay: -28,
    dueDay: -14,
    amountCents: 42_000,
    memo: 'Specimen pickups, 14 runs',
    paid: { cents: 42_000, day: -16, method: 'transfer', reference: 'ACH-7729114' },
  },
  {
    vendor: 'it',
    invoiceNumber: 'BP-2026-118',
    invoiceDay: -15,
    dueDay: 15,
    amountCents: 115_000,
    memo: 'Managed IT, backups and support',
  },
  {
    vendor: 'cleaning',
    invoiceNumber: 'SCC-7780',
    invoiceDay: -32,
    dueDay: -17,
    amountCents: 67_500,
    memo: 'Nightly cleaning, last month',
    paid: { cents: 67_500, day: -18, method: 'check', reference: '1039' },
  },
  { vendor: 'payroll', invoiceNumber: 'HPS-44019', invoiceDay: -3, dueDay: 27, amountCents: 18_900, memo: 'Payroll processing fee' },
];

export const seedPayablesDemo: DemoSeeder = async (demo) => {
  const ctx = systemCtx(demo.ctx.db, demo.ctx.clock, demo.organizationId, 'demo-seed:payables', demo.ctx.requestId, {
    baseDb: demo.ctx.baseDb,
  });
  const today = await todayAt(ctx);
  const vendorIds = new Map<string, string>();
  for (const v of VENDORS) {
    const vendor = await createVendor(
      ctx,
      vendorInputSchema.parse({
        name: v.name,
        contactName: v.contactName,
        address: v.address,
        phone: v.phone,
        email: v.email,
        defaultCategory: v.category,
        taxId: v.taxId ?? null,
      }),
    );
    vendorIds.set(v.key, vendor.id);
  }
  for (const b of BILLS) {
    const bill = await enterBill(
      ctx,
      billInputSchema.parse({
        vendorId: vendorIds.get(b.vendor),
        invoiceNumber: b.invoiceNumber,
        invoiceDate: addDays(today, b.invoiceDay),
        dueDate: addDays(today, b.dueDay),
        amountCents: b.amountCents,
        memo: b.memo,
      }),
    );
    if (b.paid)
      await payBill(
        ctx,
        bill.id,
        billPaymentInputSchema.parse({
          amountCents: b.paid.cents,
          paidOn: addDays(today, b.paid.day),
          method: b.paid.method,
          reference: b.paid.reference,
        }),
      );
  }
};
