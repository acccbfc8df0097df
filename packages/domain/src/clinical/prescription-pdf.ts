/** Lays out a printed prescription on the shared PDF layer (shared/pdf): letterhead, patient, the drug, prescriber and a signature line. */
import { createPdf } from '../shared/pdf/index.ts';
import { integerInWords, quantityInWords } from './quantity-words.ts';

export interface PrescriptionSheet {
  practice: string;
  location: string | null;
  address: string[];
  phone: string | null;
  patient: { name: string; birthDate: string; address: string[] };
  drug: { name: string; strength: string; form: string };
  sig: string;
  quantity: number;
  quantityUnit: string;
  refills: number;
  dispenseAsWritten: boolean;
  writtenDate: string;
  prescriber: { name: string; npi: string; deaNumber: string | null };
}

/** 2026-03-04 → 03/04/2026, as US pharmacies read dates. */
const usDate = (d: string) => `${d.slice(5, 7)}/${d.slice(8, 10)}/${d.slice(0, 4)}`;

const BLANK = '______________________';

export function renderPrescriptionPdf(rx: PrescriptionSheet): Promise<Buffer> {
  const pdf = createPdf({
    title: 'Prescription',
    date: usDate(rx.writtenDate),
    letterhead: { practiceName: rx.practice, locationName: rx.location, addressLines: rx.address, phone: rx.phone },
    footerNote: 'Contains patient information: handle as confidential. Not valid without the prescriber’s signature.',
  });
  pdf.heading('Patient');
  pdf.paragraph(rx.patient.name, { bold: true, size: 12 });
  pdf.paragraph(`Date of birth: ${usDate(rx.patient.birthDate)}`);
  pdf.paragraph(rx.patient.address.length ? rx.patient.address.join(', ') : 'Address: not on file');
  pdf.space(10);

  pdf.heading('Rx');
  pdf.paragraph([rx.drug.name, rx.drug.strength, rx.drug.form].filter(Boolean).join(' '), { bold: true, size: 13 });
  pdf.paragraph(`Sig: ${rx.sig}`);
  const qty = Number.isInteger(rx.quantity) ? String(rx.quantity) : rx.quantity.toFixed(2).replace(/0$/, '');
  pdf.paragraph(`Quantity: ${qty} ${rx.quantityUnit} (${quantityInWords(rx.quantity)} ${rx.quantityUnit})`);
  pdf.paragraph(`Refills: ${rx.refills} (${integerInWords(rx.refills)})`);
  pdf.paragraph(
    rx.dispenseAsWritten
      ? 'Dispense as written: YES (brand medically necessary, no substitution)'
      : 'Dispense as written: no (substitution permitted)',
  );
  pdf.paragraph(`Date written: ${usDate(rx.writtenDate)}`);
  pdf.space(10);

  pdf.heading('Prescriber');
  pdf.paragraph(rx.prescriber.name, { bold: true });
  pdf.paragraph(`NPI: ${rx.prescriber.npi}`);
  pdf.paragraph(`DEA: ${rx.prescriber.deaNumber ?? BLANK}`);
  pdf.space(36);
  pdf.paragraph(`Signature: ______________________________________    Date: ${BLANK}`);
  pdf.paragraph(rx.prescriber.name, { size: 9, color: '#555555' });
  return pdf.finish();
}
