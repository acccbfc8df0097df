/** Lays out a payment receipt on the shared PDF layer (shared/pdf): letterhead, patient, payment, allocation to visits, balance left. */
import { createPdf, type Letterhead, type PdfColumn } from '../shared/pdf/index.ts';
import type { PaymentMethod } from './accounts.tables.ts';

export interface ReceiptSheet {
  letterhead: Letterhead;
  receiptNumber: string;
  patient: string;
  patientMrn: string;
  postingDate: string;
  method: PaymentMethod;
  /** Card: brand and last four; check: its number; cash: nothing. */
  methodDetail: string | null;
  amountCents: number;
  refundedCents: number;
  visits: { dateOfService: string; amountCents: number }[];
  onAccountCents: number;
  /** What the patient owes after this payment (negative: a credit), on the day printed. */
  balanceCents: number;
  printedOn: string;
}

/** Integer cents as dollars: 12345 → $1,234.45 (never through floating point). */
export function dollars(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}$${Math.floor(abs / 100).toLocaleString('en-US')}.${String(abs % 100).padStart(2, '0')}`;
}

const METHOD: Record<PaymentMethod, string> = { cash: 'Cash', check: 'Check', card: 'Card' };

/** The receipt's text lines (also the email's body): one source for both. */
export function receiptLines(sheet: ReceiptSheet): string[] {
  return [
    `Receipt ${sheet.receiptNumber}`,
    `Patient: ${sheet.patient} (MRN ${sheet.patientMrn})`,
    `Date: ${sheet.postingDate}`,
    `Paid by: ${METHOD[sheet.method]}${sheet.methodDetail ? ` (${sheet.methodDetail})` : ''}`,
    `Amount: ${dollars(sheet.amountCents)}`,
    ...(sheet.refundedCents > 0 ? [`Refunded since: ${dollars(sheet.refundedCents)}`] : []),
    ...sheet.visits.map((v) => `Applied to the visit of ${v.dateOfService}: ${dollars(v.amountCents)}`),
    ...(sheet.onAccountCents > 0 ? [`Kept on account (a credit): ${dollars(sheet.onAccountCents)}`] : []),
    sheet.balanceCents < 0
      ? `Your account now has a credit of ${dollars(-sheet.balanceCents)} (as of ${sheet.printedOn}).`
      : `Balance remaining: ${dollars(sheet.balanceCents)} (as of ${sheet.printedOn}).`,
  ];
}

const VISITS: PdfColumn<'visit' | 'amount'>[] = [
  { key: 'visit', label: 'Visit (date of service)', width: 300 },
  { key: 'amount', label: 'Applied', width: 120, align: 'right' },
];

export function renderReceiptPdf(sheet: ReceiptSheet): Promise<Buffer> {
  const pdf = createPdf({
    title: 'Payment receipt',
    date: sheet.postingDate,
    letterhead: sheet.letterhead,
    subtitle: `Receipt ${sheet.receiptNumber} · printed ${sheet.printedOn}`,
    footerNote: 'Contains patient information: handle as confidential.',
  });
  pdf.paragraph(`Patient: ${sheet.patient} · MRN ${sheet.patientMrn}`);
  pdf.paragraph(`Date: ${sheet.postingDate}`);
  pdf.paragraph(`Paid by: ${METHOD[sheet.method]}${sheet.methodDetail ? ` (${sheet.methodDetail})` : ''}`);
  pdf.space(4).paragraph(`Amount paid: ${dollars(sheet.amountCents)}`, { bold: true, size: 12 });
  if (sheet.refundedCents > 0) pdf.paragraph(`Refunded since: ${dollars(sheet.refundedCents)}`);
  pdf.space(8).heading('Applied to');
  pdf.table(
    VISITS,
    [
      ...sheet.visits.map((v) => ({ visit: v.dateOfService, amount: dollars(v.amountCents) })),
      ...(sheet.onAccountCents > 0 ? [{ visit: 'On account (a credit)', amount: dollars(sheet.onAccountCents) }] : []),
    ],
    { empty: 'Nothing applied yet.' },
  );
  pdf
    .space(8)
    .paragraph(
      sheet.balanceCents < 0
        ? `Credit on your account: ${dollars(-sheet.balanceCents)} (as of ${sheet.printedOn})`
        : `Balance remaining: ${dollars(sheet.balanceCents)} (as of ${sheet.printedOn})`,
      { bold: true },
    );
  pdf.space(6).paragraph('Thank you for your payment.');
  return pdf.finish();
}
