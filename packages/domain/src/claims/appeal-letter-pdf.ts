/** Lays out an appeal letter on the shared PDF layer (shared/pdf): letterhead, payer, claim, denied lines, the biller's paragraph, signature. */
import { createPdf, type Letterhead, type PdfColumn } from '../shared/pdf/index.ts';

export interface AppealLetter {
  letterhead: Letterhead;
  /** The day the letter is printed, `YYYY-MM-DD`. */
  date: string;
  payer: { name: string; ediPayerId: string | null };
  patient: string;
  patientBirthDate: string | null;
  memberId: string;
  patientControlNumber: string;
  payerClaimControlNumber: string | null;
  dateOfService: string;
  provider: string;
  providerNpi: string | null;
  deniedLines: {
    lineNumber: number;
    procedureCode: string;
    modifiers: string[];
    chargeCents: number;
    reasons: { code: string; text: string }[];
  }[];
  /** The biller's paragraph, as typed; null: a standard request. */
  paragraph: string | null;
  /** Who signs (the biller printing it) and the practice. */
  signer: string;
}

/** Integer cents as dollars: 12345 → $123.45. */
const dollars = (cents: number) =>
  `${cents < 0 ? '-' : ''}$${Math.floor(Math.abs(cents) / 100).toLocaleString('en-US')}.${String(Math.abs(cents) % 100).padStart(2, '0')}`;

type Column = 'line' | 'code' | 'charge' | 'reasons';
const LINES: PdfColumn<Column>[] = [
  { key: 'line', label: 'Line', width: 35 },
  { key: 'code', label: 'Procedure', width: 90 },
  { key: 'charge', label: 'Charge', width: 70, align: 'right' },
  { key: 'reasons', label: 'Denial reason (CARC)', width: 330, maxLines: 6 },
];

export function renderAppealLetterPdf(letter: AppealLetter): Promise<Buffer> {
  const pdf = createPdf({
    title: 'Request for reconsideration',
    date: letter.date,
    letterhead: letter.letterhead,
    footerNote: 'Contains patient information: handle as confidential.',
  });
  pdf.paragraph(`To: ${letter.payer.name}${letter.payer.ediPayerId ? ` (payer ID ${letter.payer.ediPayerId})` : ''}, Appeals department`);
  pdf.space(6);
  pdf.paragraph(`Patient: ${letter.patient} · born ${letter.patientBirthDate ?? 'unknown'} · member ID ${letter.memberId}`);
  pdf.paragraph(
    `Claim: ${letter.patientControlNumber} · payer claim number ${letter.payerClaimControlNumber ?? 'not given'} · date of service ${letter.dateOfService}`,
  );
  pdf.paragraph(`Rendering provider: ${letter.provider}${letter.providerNpi ? ` (NPI ${letter.providerNpi})` : ''}`);
  pdf.space(8);
  pdf.paragraph(
    `We ask you to reconsider your decision on the service line${letter.deniedLines.length === 1 ? '' : 's'} below, which you denied for the reasons shown.`,
  );
  pdf.space(4).heading('Denied lines');
  pdf.table(
    LINES,
    letter.deniedLines.map((l) => ({
      line: l.lineNumber,
      code: [l.procedureCode, ...l.modifiers].join(' '),
      charge: dollars(l.chargeCents),
      reasons: l.reasons.map((r) => `${r.code}: ${r.text}`).join('; ') || 'No reason given on the remittance.',
    })),
    { empty: 'No denied lines.' },
  );
  pdf.space(8).heading('Why the claim should be paid');
  pdf.paragraph(
    letter.paragraph ??
      'The services were medically necessary, were rendered as documented in the enclosed records, and were billed correctly. Please reprocess the claim for payment.',
  );
  pdf.space(8);
  pdf.paragraph('Please contact our billing office with any question about this request.');
  pdf.space(24);
  pdf.paragraph('Sincerely,');
  pdf.space(28);
  pdf.paragraph('_______________________________');
  pdf.paragraph(letter.signer);
  pdf.paragraph(letter.letterhead.practiceName);
  return pdf.finish();
}
