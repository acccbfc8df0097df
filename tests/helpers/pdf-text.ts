/** The text of a PDF, page by page, read back with pdfjs-dist (an independent reader). */
import { createRequire } from 'node:module';
import path from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

// pdfjs reads the 14 standard PDF fonts' metrics from its package.
const FONTS = `${path.join(path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'standard_fonts')}/`;

export async function pdfText(bytes: Buffer): Promise<string> {
  const doc = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, standardFontDataUrl: FONTS }).promise;
  const parts: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    parts.push(content.items.map((it) => ('str' in it ? it.str : '')).join(' '));
  }
  return parts.join('\n');
}

export interface PdfTextItem {
  page: number;
  str: string;
  /** Left edge and baseline in points from the page's top left corner. */
  x: number;
  y: number;
  pageWidth: number;
  pageHeight: number;
}

/** Every text item of a PDF with where it is printed (for forms: is the value in its box?). */
export async function pdfTextItems(bytes: Buffer): Promise<PdfTextItem[]> {
  const doc = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, standardFontDataUrl: FONTS }).promise;
  const items: PdfTextItem[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const [, , pageWidth = 0, pageHeight = 0] = page.view;
    for (const it of (await page.getTextContent()).items) {
      if (!('str' in it) || it.str.trim() === '') continue;
      items.push({
        page: i,
        str: it.str,
        x: it.transform[4] as number,
        y: pageHeight - (it.transform[5] as number),
        pageWidth,
        pageHeight,
      });
    }
  }
  return items;
}
