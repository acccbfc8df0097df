/** Lays out the printed day schedule (pdfkit, US Letter, built-in Helvetica): a header, then one row per visit. */
import PDFDocument from 'pdfkit';

export interface DayScheduleSheet {
  practice: string;
  location: string;
  date: string;
  timeZone: string;
  provider: string | null;
  printedAt: string;
  rows: { time: string; provider: string; patient: string; type: string; status: string }[];
}

const COLUMNS = [
  { key: 'time', label: 'Time', x: 40, width: 55 },
  { key: 'provider', label: 'Provider', x: 95, width: 130 },
  { key: 'patient', label: 'Patient', x: 225, width: 150 },
  { key: 'type', label: 'Type', x: 375, width: 110 },
  { key: 'status', label: 'Status', x: 485, width: 87 },
] as const;
const ROW_HEIGHT = 18;
const BOTTOM = 740;

export function renderDaySchedulePdf(sheet: DayScheduleSheet): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'LETTER',
    margin: 40,
    info: { Title: `Schedule ${sheet.date} ${sheet.location}`, Producer: 'ClinicDesk' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  doc.font('Helvetica-Bold').fontSize(16).text(sheet.practice, 40, 40);
  doc
    .font('Helvetica')
    .fontSize(11)
    .text(`${sheet.location}: ${sheet.date}${sheet.provider ? `, ${sheet.provider}` : ''}`);
  doc
    .fontSize(8)
    .fillColor('#555')
    .text(`Times in ${sheet.timeZone}. Printed ${sheet.printedAt}. Contains patient information: handle as confidential.`);
  doc.fillColor('#000');
  let y = doc.y + 12;
  const heading = () => {
    doc.font('Helvetica-Bold').fontSize(10);
    for (const c of COLUMNS) doc.text(c.label, c.x, y, { width: c.width, lineBreak: false });
    y += ROW_HEIGHT;
    doc
      .moveTo(40, y - 4)
      .lineTo(572, y - 4)
      .stroke();
    doc.font('Helvetica').fontSize(10);
  };
  heading();
  if (sheet.rows.length === 0) doc.text('No appointments.', 40, y);
  for (const row of sheet.rows) {
    if (y > BOTTOM) {
      doc.addPage();
      y = 40;
      heading();
    }
    for (const c of COLUMNS) doc.text(row[c.key], c.x, y, { width: c.width, lineBreak: false, ellipsis: true });
    y += ROW_HEIGHT;
  }
  doc.end();
  return done;
}
