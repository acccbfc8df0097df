/**
 * Lays out statements on the shared PDF layer (shared/pdf), from their snapshots only (a reprint
 * is what was sent): letterhead, guarantor name and address as written, statement date and
 * account number, the visits (billed, insurance paid, adjustments, patient paid, pending with
 * insurance, due), the aging row, the amount due, the dunning message and how to pay. Several
 * statements print as one file, each starting on its own page with the practice's name on top.
 */
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { createPdf, type PdfColumn, type PdfDocument } from '../shared/pdf/index.ts';
import type { StatementSnapshot } from './statements.schemas.ts';
import { STATEMENT_AGING_BUCKETS } from './statements.schemas.ts';

/** Integer cents as dollars: 12345 → $123.45, -500 → -$5.00. */
export function dollars(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}$${Math.floor(abs / 100).toLocaleString('en-US')}.${String(abs % 100).padStart(2, '0')}`;
}

/** A stored (E.164) phone number as people dial it: national form for US numbers. */
export function phoneText(phone: string): string {
  const p = parsePhoneNumberFromString(phone);
  if (!p) return phone;
  return p.country === 'US' ? p.formatNational() : p.formatInternational();
}

export const DUNNING_MESSAGES: Record<StatementSnapshot['dunningLevel'], string> = {
  first: 'Thank you for choosing our practice. This statement shows the balance that is yours to pay after insurance.',
  second:
    'SECOND NOTICE: our records show that the balance of your last statement is still unpaid. Please pay it now or call us to agree on a payment plan.',
  final:
    'FINAL NOTICE: your balance is past due. Unless it is paid or a payment plan is agreed within 10 days, your account may be referred for collection.',
};

type VisitColumn = 'date' | 'patient' | 'service' | 'billed' | 'insurance' | 'adjust' | 'paid' | 'pending' | 'due';
const VISITS: PdfColumn<VisitColumn>[] = [
  { key: 'date', label: 'Date', width: 62 },
  { key: 'patient', label: 'Patient', width: 95, maxLines: 3 },
  { key: 'service', label: 'Service / provider', width: 105, maxLines: 3 },
  { key: 'billed', label: 'Billed', width: 56, align: 'right' },
  { key: 'insurance', label: 'Ins. paid', width: 58, align: 'right' },
  { key: 'adjust', label: 'Adjusted', width: 58, align: 'right' },
  { key: 'paid', label: 'You paid', width: 58, align: 'right' },
  { key: 'pending', label: 'With ins.', width: 58, align: 'right' },
  { key: 'due', label: 'You owe', width: 62, align: 'right' },
];

const AGING: PdfColumn<(typeof STATEMENT_AGING_BUCKETS)[number] | 'total'>[] = [
  ...STATEMENT_AGING_BUCKETS.map((b) => ({ key: b, label: `${b} days`, width: 1, align: 'right' as const })),
  { key: 'total', label: 'Amount due', width: 1, align: 'right' },
];

function body(pdf: PdfDocument, s: StatementSnapshot) {
  pdf.paragraph(s.guarantor.name, { bold: true, size: 11 });
  for (const line of s.guarantor.addressLines) pdf.paragraph(line);
  pdf.space(6);
  pdf.paragraph(`Statement date: ${s.issuedOn} · Account: ${s.guarantor.accountNumber} · Please pay by: ${s.dueOn}`);
  if (s.patients.length > 1) pdf.paragraph(`Patients on this account: ${s.patients.map((p) => p.name).join(', ')}`);
  pdf.space(4).paragraph(DUNNING_MESSAGES[s.dunningLevel], { bold: s.dunningLevel !== 'first' });
  pdf.space(6).heading('Visits');
  pdf.table(
    VISITS,
    s.visits.map((v) => ({
      date: v.date,
      patient: v.patientName,
      service: [v.description, v.provider].filter(Boolean).join(' · '),
      billed: dollars(v.billedCents),
      insurance: dollars(v.insurancePaidCents),
      adjust: dollars(v.adjustmentCents),
      paid: dollars(v.patientPaidCents),
      pending: dollars(v.insurancePendingCents),
      due: dollars(v.patientDueCents),
    })),
    { fontSize: 8, empty: 'No open visits.' },
  );
  pdf.heading('Aging of what you owe');
  const a = s.aging;
  pdf.table(AGING, [
    {
      '0-30': dollars(a['0-30']),
      '31-60': dollars(a['31-60']),
      '61-90': dollars(a['61-90']),
      '91-120': dollars(a['91-120']),
      '120+': dollars(a['120+']),
      total: dollars(s.amountDueCents),
    },
  ]);
  pdf.paragraph(`Amount due: ${dollars(s.amountDueCents)}`, { bold: true, size: 13 });
  pdf.space(6).heading('How to pay');
  const p = s.practice;
  pdf.paragraph(`At the desk: pay at the front desk of ${[p.name, p.locationName].filter(Boolean).join(', ')} (cash, check or card).`);
  if (p.addressLines.length)
    pdf.paragraph(`By mail: send a check payable to ${p.name} to ${p.addressLines.join(', ')}; write ${s.guarantor.accountNumber} on it.`);
  if (p.phone)
    pdf.paragraph(`By phone: call the billing office at ${phoneText(p.phone)} with your account number ${s.guarantor.accountNumber}.`);
}

/** One or more statements in one PDF (a statement per guarantor, each from a new page). */
export function renderStatementsPdf(snapshots: readonly StatementSnapshot[], title = 'Statement'): Promise<Buffer> {
  const [first] = snapshots;
  if (!first) throw new Error('no statement to print');
  const pdf = createPdf({
    title,
    date: first.issuedOn,
    letterhead: {
      practiceName: first.practice.name,
      locationName: first.practice.locationName,
      addressLines: first.practice.addressLines,
      phone: first.practice.phone,
    },
    footerNote: 'Contains patient information: handle as confidential.',
  });
  snapshots.forEach((s, i) => {
    if (i > 0) {
      pdf.pageBreak();
      pdf.paragraph(s.practice.name, { bold: true, size: 14 });
      pdf.paragraph([s.practice.locationName, ...s.practice.addressLines].filter(Boolean).join(' · '), { size: 9, color: '#555555' });
      pdf.space(8);
    }
    body(pdf, s);
  });
  return pdf.finish();
}
