/** Lays out a superbill on the shared PDF layer (shared/pdf): letterhead, visit, diagnoses, procedures with fees, total. */
import { createPdf, type Letterhead, type PdfColumn } from '../shared/pdf/index.ts';

export interface SuperbillSheet {
  letterhead: Letterhead;
  patient: string;
  patientBirthDate: string | null;
  patientMrn: string;
  provider: string;
  providerNpi: string;
  dateOfService: string;
  status: string;
  diagnoses: { code: string; description: string }[];
  procedures: { code: string; description: string; modifiers: string[]; units: number; pointers: number[]; feeCents: number | null }[];
}

/** Integer cents as dollars: 12345 → $123.45. */
export function dollars(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}$${Math.floor(abs / 100).toLocaleString('en-US')}.${String(abs % 100).padStart(2, '0')}`;
}

const DX: PdfColumn<'n' | 'code' | 'description'>[] = [
  { key: 'n', label: '#', width: 20 },
  { key: 'code', label: 'ICD-10-CM', width: 70 },
  { key: 'description', label: 'Description', width: 420, maxLines: 3 },
];

type ProcColumn = 'code' | 'modifiers' | 'description' | 'units' | 'pointers' | 'fee';
const PROCS: PdfColumn<ProcColumn>[] = [
  { key: 'code', label: 'Code', width: 50 },
  { key: 'modifiers', label: 'Modifiers', width: 60 },
  { key: 'description', label: 'Description', width: 230, maxLines: 3 },
  { key: 'units', label: 'Units', width: 40, align: 'right' },
  { key: 'pointers', label: 'Dx pointers', width: 60 },
  { key: 'fee', label: 'Fee', width: 70, align: 'right' },
];

export function renderSuperbillPdf(sheet: SuperbillSheet): Promise<Buffer> {
  const pdf = createPdf({
    title: 'Superbill',
    date: sheet.dateOfService,
    letterhead: sheet.letterhead,
    subtitle: `Note ${sheet.status}. Fees are the practice's default fees; nothing here is a claim.`,
    footerNote: 'Contains patient information: handle as confidential.',
  });
  pdf.paragraph(`Patient: ${sheet.patient} · born ${sheet.patientBirthDate ?? 'unknown'} · MRN ${sheet.patientMrn}`);
  pdf.paragraph(`Rendering provider: ${sheet.provider} (NPI ${sheet.providerNpi})`);
  pdf.paragraph(`Date of service: ${sheet.dateOfService}`);
  pdf.space(8).heading('Diagnoses');
  pdf.table(
    DX,
    sheet.diagnoses.map((d, i) => ({ n: i + 1, code: d.code, description: d.description })),
    { empty: 'No diagnoses.' },
  );
  pdf.space(8).heading('Procedures');
  pdf.table(
    PROCS,
    sheet.procedures.map((p) => ({
      code: p.code,
      modifiers: p.modifiers.join(' '),
      description: p.description,
      units: p.units,
      pointers: p.pointers.join(', '),
      fee: p.feeCents === null ? 'not on fee list' : dollars(p.feeCents),
    })),
    { empty: 'No procedures.' },
  );
  const total = sheet.procedures.reduce((sum, p) => sum + (p.feeCents ?? 0), 0);
  pdf.space(6).paragraph(`Total: ${dollars(total)}`, { bold: true, size: 12 });
  return pdf.finish();
}
