/** Lays out the printed day schedule on the shared PDF layer (shared/pdf): the location's letterhead, then one row per visit. */
import { createPdf, type PdfColumn } from '../shared/pdf/index.ts';

export interface DayScheduleSheet {
  practice: string;
  location: string;
  /** The location's street lines and city/state/ZIP, and phone, for the letterhead. */
  address: string[];
  phone: string | null;
  /** YYYY-MM-DD, on the location's clock. */
  date: string;
  timeZone: string;
  provider: string | null;
  printedAt: string;
  rows: { time: string; provider: string; patient: string; type: string; status: string }[];
}

type Column = 'time' | 'provider' | 'patient' | 'type' | 'status';
const COLUMNS: PdfColumn<Column>[] = [
  { key: 'time', label: 'Time', width: 45 },
  { key: 'provider', label: 'Provider', width: 120 },
  // A name prints whole: 6 lines hold the longest name the registry takes (2 × 100 characters).
  { key: 'patient', label: 'Patient', width: 190, maxLines: 6 },
  { key: 'type', label: 'Type', width: 100 },
  { key: 'status', label: 'Status', width: 77 },
];

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

export function renderDaySchedulePdf(sheet: DayScheduleSheet): Promise<Buffer> {
  const weekday = WEEKDAYS[new Date(`${sheet.date}T00:00:00Z`).getUTCDay()];
  const pdf = createPdf({
    title: sheet.provider ? `Day schedule, ${sheet.provider}` : 'Day schedule',
    date: `${weekday} ${sheet.date}`,
    letterhead: { practiceName: sheet.practice, locationName: sheet.location, addressLines: sheet.address, phone: sheet.phone },
    subtitle: `Times in ${sheet.timeZone}. Printed ${sheet.printedAt}. ${sheet.rows.length} ${sheet.rows.length === 1 ? 'visit' : 'visits'}.`,
    footerNote: 'Contains patient information: handle as confidential.',
  });
  pdf.table(COLUMNS, sheet.rows, { empty: 'No appointments.' });
  return pdf.finish();
}
