import type PDFDocument from 'pdfkit';
import { ASCENT, face, fontRuns, runWidth, type Weight } from './fonts.ts';

export interface DrawStyle {
  size: number;
  bold?: boolean;
  color?: string;
  /** With a width, `align` places the text inside it. */
  width?: number;
  align?: 'left' | 'right' | 'center';
}

/**
 * The one writer of text into a pdfkit page, for documents (document.ts) and forms (form.ts):
 * the text is cut into runs by the font that has its characters (fonts.ts), each face is
 * registered with the document once, and every run sits on one baseline whichever font's
 * ascender is taller. Draws one line (no wrapping) with its line box's top at `top`; answers
 * its width.
 */
export function textDrawer(doc: InstanceType<typeof PDFDocument>) {
  const registered = new Set<string>();
  return function draw(text: string, x: number, top: number, style: DrawStyle): number {
    const size = style.size;
    const weight: Weight = style.bold ? 'bold' : 'regular';
    const runs = fontRuns(text);
    const width = runs.reduce((w, r) => w + runWidth(r, weight, size), 0);
    if (style.width !== undefined && style.align === 'right') x += style.width - width;
    if (style.width !== undefined && style.align === 'center') x += (style.width - width) / 2;
    doc.fillColor(style.color ?? '#000000');
    const baseline = top + ASCENT * size;
    for (const run of runs) {
      const f = face(run, weight);
      if (!registered.has(f.key)) {
        // pdfkit accepts a fontkit font (PDFFontFactory.open); its typings list only files and bytes.
        doc.registerFont(f.key, f.font as unknown as Buffer);
        registered.add(f.key);
      }
      doc.font(f.key).fontSize(size).text(run.text, x, baseline, { lineBreak: false, baseline: 'alphabetic' });
      x += runWidth(run, weight, size);
    }
    doc.fillColor('#000000');
    return width;
  };
}
