/**
 * Fixed-layout pages (printed forms such as the CMS-1500): text, lines and boxes at absolute
 * positions, with the same embedded fonts as every other document (fonts.ts) and no
 * letterhead, running header or footer (the form itself says what it is).
 *
 *   const form = createFormPdf({ title: 'CMS-1500 claim C000042' });
 *   form.line(18, 100, 594, 100, { color: '#c8102e' });
 *   form.text('ACME HEALTH', 380, 30, { size: 9 });
 *   const bytes = await form.finish();
 *
 * Coordinates are PDF points (1/72 inch) from the top left corner; `text` takes the top of the
 * line box (as document.ts does), so a baseline is at `top + ASCENT × size`.
 */
import PDFDocument from 'pdfkit';
import { measurer, type Weight } from './fonts.ts';
import { textDrawer } from './draw-text.ts';
import { truncateToWidth } from './layout.ts';

export interface FormTextStyle {
  size?: number;
  bold?: boolean;
  color?: string;
  /** With `align`: the box the text is aligned in; longer text is cut to it (ending with an ellipsis). */
  width?: number;
  align?: 'left' | 'right' | 'center';
}

export interface FormPdf {
  readonly width: number;
  readonly height: number;
  /** One line of text (never wrapped); answers its width. */
  text(text: string, x: number, top: number, style?: FormTextStyle): number;
  line(x1: number, y1: number, x2: number, y2: number, style?: { color?: string; width?: number }): FormPdf;
  /** A filled rectangle (shading, a checkbox's fill). */
  fill(x: number, y: number, w: number, h: number, color: string): FormPdf;
  /** An outlined rectangle. */
  box(x: number, y: number, w: number, h: number, style?: { color?: string; width?: number }): FormPdf;
  addPage(): FormPdf;
  /** The file. Call once. */
  finish(): Promise<Buffer>;
}

export function createFormPdf(options: { title: string; size?: 'LETTER' | 'A4'; createdAt?: Date }): FormPdf {
  const doc = new PDFDocument({
    size: options.size ?? 'LETTER',
    margin: 0,
    lang: 'en-US',
    displayTitle: true,
    info: { Title: options.title, Producer: 'ClinicDesk', Creator: 'ClinicDesk', CreationDate: options.createdAt ?? new Date() },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const drawText = textDrawer(doc);
  let finished = false;
  const writable = () => {
    if (finished) throw new Error('PDF already finished');
  };

  const form: FormPdf = {
    width: doc.page.width,
    height: doc.page.height,
    text(raw, x, top, style = {}) {
      writable();
      const size = style.size ?? 9;
      const weight: Weight = style.bold ? 'bold' : 'regular';
      let text = raw.replace(/\s+/g, ' ').trim();
      if (text === '') return 0;
      if (style.width !== undefined) text = truncateToWidth(text, style.width, measurer(weight, size));
      return drawText(text, x, top, { ...style, size });
    },
    line(x1, y1, x2, y2, style = {}) {
      writable();
      doc
        .save()
        .lineWidth(style.width ?? 0.5)
        .strokeColor(style.color ?? '#000000')
        .moveTo(x1, y1)
        .lineTo(x2, y2)
        .stroke()
        .restore();
      return form;
    },
    fill(x, y, w, h, color) {
      writable();
      doc.save().rect(x, y, w, h).fill(color).restore();
      return form;
    },
    box(x, y, w, h, style = {}) {
      writable();
      doc
        .save()
        .lineWidth(style.width ?? 0.5)
        .strokeColor(style.color ?? '#000000')
        .rect(x, y, w, h)
        .stroke()
        .restore();
      return form;
    },
    addPage() {
      writable();
      doc.addPage({ size: options.size ?? 'LETTER', margin: 0 });
      return form;
    },
    finish() {
      writable();
      finished = true;
      doc.end();
      return done;
    },
  };
  return form;
}
