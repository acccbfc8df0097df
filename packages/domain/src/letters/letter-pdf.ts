/** Lays out letters on the shared PDF layer (shared/pdf): letterhead, date, recipient, the merged text, a signature line. */
import { createPdf, type Letterhead, type PdfDocument } from '../shared/pdf/index.ts';

export interface LetterSheet {
  title: string;
  dateLine: string;
  recipient: string;
  recipientAddress: string[];
  body: string;
  signer: string | null;
}

function writeLetter(pdf: PdfDocument, letter: LetterSheet) {
  pdf.paragraph(letter.dateLine);
  pdf.space(14);
  pdf.paragraph(letter.recipient, { bold: true });
  for (const line of letter.recipientAddress) pdf.paragraph(line);
  pdf.space(18);
  // Blank lines separate paragraphs; a single line break is kept as written (an address, a list).
  for (const para of letter.body.split(/\n\s*\n/)) {
    for (const line of para.split('\n')) pdf.paragraph(line.trimEnd() || ' ');
    pdf.space(8);
  }
  if (letter.signer) {
    pdf.space(36);
    pdf.paragraph('______________________________________');
    pdf.paragraph(letter.signer);
  }
}

/** One letter, or several printed together (a batch): each starts on its own page. */
export function renderLettersPdf(letterhead: Letterhead, title: string, letters: readonly LetterSheet[], date?: string): Promise<Buffer> {
  const pdf = createPdf({
    title,
    ...(date !== undefined && { date }),
    letterhead,
    footerNote: 'Contains patient information: handle as confidential.',
  });
  letters.forEach((letter, i) => {
    if (i > 0) pdf.pageBreak();
    writeLetter(pdf, letter);
  });
  if (letters.length === 0) pdf.paragraph('No letters.');
  return pdf.finish();
}
