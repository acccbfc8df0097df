/**
 * Real files for upload tests: PDFs drawn by pdfkit (and, for active content, rewritten
 * by pdf-lib the way an authoring tool would add it), images encoded by sharp.
 */
import { PDFDocument, PDFName, PDFString } from 'pdf-lib';
import PDFKit from 'pdfkit';
import sharp from 'sharp';

/** A one-page PDF with a line of text. `options` go to pdfkit (e.g. userPassword). */
export function pdfkitPdf(text = 'Referral letter', options: PDFKit.PDFDocumentOptions = {}): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFKit(options);
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.text(text);
    doc.end();
  });
}

export type ActiveContent = 'open-action-js' | 'page-aa-js' | 'names-js' | 'launch-link';

/** `pdf` with a script or automatic action added, saved with object streams (the objects are compressed). */
export async function withActiveContent(pdf: Buffer, kind: ActiveContent): Promise<Buffer> {
  const doc = await PDFDocument.load(pdf);
  const ctx = doc.context;
  const js = () => ctx.register(ctx.obj({ S: 'JavaScript', JS: PDFString.of('app.alert("hello")') }));
  if (kind === 'open-action-js') doc.catalog.set(PDFName.of('OpenAction'), js());
  if (kind === 'page-aa-js') doc.getPage(0).node.set(PDFName.of('AA'), ctx.obj({ O: js() }));
  if (kind === 'names-js') doc.catalog.set(PDFName.of('Names'), ctx.obj({ JavaScript: ctx.obj({ Names: [PDFString.of('init'), js()] }) }));
  if (kind === 'launch-link') {
    const link = ctx.obj({
      Type: 'Annot',
      Subtype: 'Link',
      Rect: [0, 0, 100, 100],
      A: { S: 'Launch', F: PDFString.of('cmd.exe') },
    });
    doc.getPage(0).node.set(PDFName.of('Annots'), ctx.obj([ctx.register(link)]));
  }
  return Buffer.from(await doc.save({ useObjectStreams: true }));
}

export function image(format: 'png' | 'jpeg' | 'tiff', width = 86, height = 54): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 30, g: 90, b: 200 } } })
    .toFormat(format)
    .toBuffer();
}
