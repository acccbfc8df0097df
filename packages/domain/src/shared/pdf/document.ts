/**
 * One PDF toolkit for everything ClinicDesk prints (day sheets, superbills, CMS-1500
 * attachments, statements, letters, prescriptions): pdfkit underneath, the fonts of
 * fonts.ts embedded, a letterhead on the first page, a running header (title, date,
 * practice and location) and a "Page N of M" footer on every page, and tables whose rows
 * are measured with the real fonts so that they never overlap.
 *
 *   const pdf = createPdf({ title: 'Day schedule', date: '2026-03-04', letterhead: { practiceName, locationName } });
 *   pdf.table([{ key: 'time', label: 'Time', width: 1 }, { key: 'patient', label: 'Patient', width: 3 }], rows);
 *   const bytes = await pdf.finish();
 *
 * Coordinates are PDF points (1/72 inch) from the top left corner of the page.
 */
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import PDFDocument from 'pdfkit';
import { ASCENT, DESCENT, measurer } from './fonts.ts';
import { textDrawer } from './draw-text.ts';
import { columnWidths, truncateToWidth, wrapText } from './layout.ts';

export interface Letterhead {
  practiceName: string;
  locationName?: string | null;
  /** Street, city/state/ZIP...: printed on one line, separated by " · " (wrapped if long). */
  addressLines?: readonly (string | null | undefined)[];
  /** As stored (E.164): printed in national form for US numbers, international otherwise. */
  phone?: string | null;
}

export interface PdfOptions {
  /** What the document is ("Day schedule", "Statement"): first page, running header, PDF metadata. */
  title: string;
  /** The date the document is about or for, as it should read (running header and first page). */
  date?: string;
  letterhead: Letterhead;
  /** Small print under the title on the first page (time zone, printed at...). */
  subtitle?: string;
  /** Small print at the left of every footer (e.g. a confidentiality notice). */
  footerNote?: string;
  size?: 'LETTER' | 'A4';
  landscape?: boolean;
  /** PDF metadata creation date (default: now). */
  createdAt?: Date;
}

export interface PdfColumn<K extends string = string> {
  key: K;
  label: string;
  /** Relative width: the columns share the width between the margins in proportion. */
  width: number;
  align?: 'left' | 'right' | 'center';
  /** A longer cell wraps within its row up to this many lines, then ends with an ellipsis (default 2). */
  maxLines?: number;
}

export type PdfRow<K extends string> = Readonly<Record<K, string | number | null | undefined>>;

export interface TextStyle {
  size?: number;
  bold?: boolean;
  /** CSS-style colour, e.g. '#555'. */
  color?: string;
}

export interface PdfDocument {
  /** Wrapped text across the page width; continues on the next page when needed. */
  paragraph(text: string, style?: TextStyle): PdfDocument;
  /** A bold section title, kept on the same page as at least two lines after it. */
  heading(text: string): PdfDocument;
  /** Vertical space in points. */
  space(points: number): PdfDocument;
  /** Continue on a new page (one document of several printed together: a statement per guarantor). */
  pageBreak(): PdfDocument;
  /**
   * Rows under a header row. Each cell is measured with the real fonts and wraps within its
   * row (`maxLines`, then an ellipsis); a row that does not fit goes whole to the next page,
   * where the header row is repeated. `empty` is printed when there are no rows.
   */
  table<K extends string>(
    columns: readonly PdfColumn<K>[],
    rows: readonly PdfRow<K>[],
    options?: { fontSize?: number; empty?: string },
  ): PdfDocument;
  /** Draws the running headers and page numbers on every page and returns the file. Call once. */
  finish(): Promise<Buffer>;
}

const MARGIN_X = 40;
const HEADER_BASELINE = 26;
const HEADER_RULE = 34;
const CONTENT_TOP = 46;
/** Distance from the bottom edge of the footer's rule, its baseline, and the content's end. */
const FOOTER_RULE = 34;
const FOOTER_BASELINE = 22;
const CONTENT_BOTTOM_GAP = 42;
const LINE = ASCENT + DESCENT;
const GREY = '#555555';
const RULE = '#999999';
const CELL_X = 4;
const CELL_Y = 3;

const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

function formatPhone(phone: string): string {
  const p = parsePhoneNumberFromString(phone);
  if (!p) return phone;
  return p.country === 'US' ? p.formatNational() : p.formatInternational();
}

export function createPdf(options: PdfOptions): PdfDocument {
  const { letterhead } = options;
  const place = [letterhead.practiceName, letterhead.locationName].filter(Boolean).map(String).map(oneLine).join(' · ');
  const titleLine = oneLine([options.title, options.date].filter(Boolean).join(' · '));
  const doc = new PDFDocument({
    size: options.size ?? 'LETTER',
    layout: options.landscape ? 'landscape' : 'portrait',
    margin: MARGIN_X,
    bufferPages: true,
    lang: 'en-US',
    displayTitle: true,
    info: {
      Title: oneLine(`${titleLine} ${place}`),
      Producer: 'ClinicDesk',
      Creator: 'ClinicDesk',
      CreationDate: options.createdAt ?? new Date(),
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const pageWidth = doc.page.width;
  const pageHeight = doc.page.height;
  const contentWidth = pageWidth - 2 * MARGIN_X;
  const bottom = pageHeight - CONTENT_BOTTOM_GAP;
  const drawText = textDrawer(doc);
  let y = CONTENT_TOP;
  let finished = false;

  /** One line of text (no wrapping) with its line box's top at `top`; returns its width. */
  function draw(text: string, x: number, top: number, style: TextStyle & { width?: number; align?: PdfColumn['align'] } = {}) {
    return drawText(text, x, top, { ...style, size: style.size ?? 10 });
  }

  function rule(atY: number, color = RULE, width = 0.5) {
    doc
      .save()
      .lineWidth(width)
      .strokeColor(color)
      .moveTo(MARGIN_X, atY)
      .lineTo(pageWidth - MARGIN_X, atY)
      .stroke()
      .restore();
  }

  function newPage() {
    doc.addPage();
    y = CONTENT_TOP;
  }

  function writable() {
    if (finished) throw new Error('PDF already finished');
  }

  /** Moves to a new page unless `height` more points fit on this one (a fresh page always takes it). */
  function ensure(height: number) {
    if (y + height > bottom && y > CONTENT_TOP) newPage();
  }

  const api: PdfDocument = {
    paragraph(text, style = {}) {
      writable();
      const size = style.size ?? 10;
      const lh = size * LINE;
      for (const line of wrapText(text, contentWidth, measurer(style.bold ? 'bold' : 'regular', size)).lines) {
        ensure(lh);
        draw(line, MARGIN_X, y, style);
        y += lh;
      }
      return api;
    },

    heading(text) {
      ensure(11 * LINE + 2 * 10 * LINE + 6);
      y += 6;
      return api.paragraph(text, { size: 11, bold: true });
    },

    space(points) {
      y = Math.min(y + points, bottom);
      return api;
    },

    pageBreak() {
      writable();
      newPage();
      return api;
    },

    table(columns, rows, opts = {}) {
      writable();
      const size = opts.fontSize ?? 9;
      const lh = size * LINE;
      const widths = columnWidths(
        columns.map((c) => c.width),
        contentWidth,
      );
      const lefts = widths.map((_, i) => MARGIN_X + widths.slice(0, i).reduce((a, b) => a + b, 0));
      const body = measurer('regular', size);
      const head = measurer('bold', size);
      const headerHeight = lh + 2 * CELL_Y;
      const header = () => {
        doc.save().rect(MARGIN_X, y, contentWidth, headerHeight).fill('#eeeeee').restore();
        columns.forEach((c, i) => {
          const w = (widths[i] ?? 0) - 2 * CELL_X;
          draw(truncateToWidth(oneLine(c.label), w, head), (lefts[i] ?? 0) + CELL_X, y + CELL_Y, {
            size,
            bold: true,
            width: w,
            align: c.align,
          });
        });
        y += headerHeight;
        rule(y, RULE, 0.75);
      };
      ensure(headerHeight + lh + 2 * CELL_Y);
      header();
      if (rows.length === 0 && opts.empty) {
        draw(opts.empty, MARGIN_X + CELL_X, y + CELL_Y, { size, color: GREY });
        y += lh + 2 * CELL_Y;
      }
      for (const row of rows) {
        const cells = columns.map(
          (c, i) => wrapText(String(row[c.key] ?? '').trim(), (widths[i] ?? 0) - 2 * CELL_X, body, c.maxLines ?? 2).lines,
        );
        const height = Math.max(...cells.map((lines) => lines.length)) * lh + 2 * CELL_Y;
        if (y + height > bottom && y > CONTENT_TOP + headerHeight) {
          newPage();
          header();
        }
        cells.forEach((lines, i) => {
          const w = (widths[i] ?? 0) - 2 * CELL_X;
          lines.forEach((line, j) => {
            draw(line, (lefts[i] ?? 0) + CELL_X, y + CELL_Y + j * lh, { size, width: w, align: columns[i]?.align });
          });
        });
        y += height;
        rule(y, '#dddddd', 0.5);
      }
      y += 8;
      return api;
    },

    finish() {
      writable();
      finished = true;
      const { start, count } = doc.bufferedPageRange();
      const small = { size: 8, color: GREY };
      const measureSmall = measurer('regular', 8);
      for (let i = start; i < start + count; i++) {
        doc.switchToPage(i);
        // Running header: practice and location at the left, title and date at the right.
        const headTitle = truncateToWidth(titleLine, contentWidth * 0.6, measurer('bold', 8));
        const right = draw(headTitle, MARGIN_X, HEADER_BASELINE - ASCENT * 8, {
          ...small,
          bold: true,
          width: contentWidth,
          align: 'right',
        });
        draw(truncateToWidth(place, contentWidth - right - 12, measureSmall), MARGIN_X, HEADER_BASELINE - ASCENT * 8, small);
        rule(HEADER_RULE);
        // Footer: the note at the left, the page number at the right.
        rule(pageHeight - FOOTER_RULE);
        const footTop = pageHeight - FOOTER_BASELINE - ASCENT * 8;
        const pageLabel = `Page ${i - start + 1} of ${count}`;
        const labelWidth = draw(pageLabel, MARGIN_X, footTop, { ...small, width: contentWidth, align: 'right' });
        if (options.footerNote)
          draw(truncateToWidth(oneLine(options.footerNote), contentWidth - labelWidth - 12, measureSmall), MARGIN_X, footTop, small);
      }
      doc.end();
      return done;
    },
  };

  // The letterhead and title block on the first page.
  api.paragraph(oneLine(letterhead.practiceName), { size: 16, bold: true });
  if (letterhead.locationName) api.paragraph(oneLine(letterhead.locationName), { size: 11 });
  const contact = [...(letterhead.addressLines ?? []), letterhead.phone ? `Phone ${formatPhone(letterhead.phone)}` : null]
    .filter((s): s is string => Boolean(s?.trim()))
    .map(oneLine);
  if (contact.length > 0) api.paragraph(contact.join(' · '), { size: 9, color: GREY });
  y += 4;
  rule(y, '#000000', 1);
  y += 8;
  api.paragraph(titleLine, { size: 13, bold: true });
  if (options.subtitle) api.paragraph(options.subtitle, { size: 8, color: GREY });
  y += 8;
  return api;
}
