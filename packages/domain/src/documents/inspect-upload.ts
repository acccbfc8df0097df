/**
 * What an uploaded file really is. The magic bytes only nominate a type (file-type); the
 * file is then parsed as that type and accepted only when it is well formed:
 * - PDF (pdf-lib): parses, is not encrypted, has at least one page, nothing but whitespace
 *   after its last %%EOF, and no object anywhere (object streams included) names active
 *   content: JavaScript (/JS, /JavaScript), automatic actions (/OpenAction, /AA), /Launch,
 *   XFA forms (/XFA, scripted) or /RichMedia. Names are compared after #xx decoding.
 * - JPEG, PNG, TIFF (sharp/libvips): the header agrees with the bytes' type and the first
 *   image decodes (shrunk on load, so a large scan costs little memory); a PNG ends at IEND.
 * The answer carries the canonical file extension of the detected type.
 * Refusals name the field `body`: 415 when the bytes are not a well-formed file of an
 * accepted type, 400 when they are but carry active content.
 */
import { fileTypeFromBuffer } from 'file-type';
import { AppError } from '../shared/errors.ts';
import type { DocumentType } from './documents.schemas.ts';

export interface InspectedUpload {
  contentType: DocumentType;
  /** Without the dot: pdf, jpg, png, tif. */
  extension: string;
}

const EXTENSIONS: Record<DocumentType, { canonical: string; aliases: string[] }> = {
  'application/pdf': { canonical: 'pdf', aliases: ['pdf'] },
  'image/jpeg': { canonical: 'jpg', aliases: ['jpg', 'jpeg', 'jpe', 'jfif'] },
  'image/png': { canonical: 'png', aliases: ['png'] },
  'image/tiff': { canonical: 'tif', aliases: ['tif', 'tiff'] },
};
const ACCEPTED = Object.keys(EXTENSIONS) as DocumentType[];

/** PDF names that make a document act on its own when opened or viewed. */
const ACTIVE_PDF_NAMES = new Set(['JS', 'JavaScript', 'OpenAction', 'AA', 'Launch', 'XFA', 'RichMedia']);

/** Largest image accepted, in pixels (a 600 dpi letter page is about 34 million). */
const MAX_IMAGE_PIXELS = 120_000_000;

const notWellFormed = (what: string, why: string) =>
  new AppError('UNSUPPORTED_MEDIA_TYPE', `the file starts like a ${what} but is not a well-formed one (${why})`, {
    errors: [{ path: 'body', message: `not a well-formed ${what}: ${why}` }],
  });

export async function inspectUpload(bytes: Buffer): Promise<InspectedUpload> {
  const detected = await fileTypeFromBuffer(bytes);
  const contentType = ACCEPTED.find((t) => t === detected?.mime);
  if (!contentType) {
    const message = `only PDF, JPEG, PNG and TIFF files are accepted (this looks like ${detected?.mime ?? 'an unknown type'})`;
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', message, { errors: [{ path: 'body', message }] });
  }
  if (contentType === 'application/pdf') await inspectPdf(bytes);
  else await inspectImage(bytes, contentType);
  return { contentType, extension: EXTENSIONS[contentType].canonical };
}

/**
 * The name to store: the client's name with the extension of the detected type. A name
 * that already ends in one of the type's extensions keeps it; another extension is
 * replaced ("report.html" -> "report.pdf"); a name without one gets it appended.
 */
export function fileNameFor(fileName: string, contentType: DocumentType): string {
  const { canonical, aliases } = EXTENSIONS[contentType];
  const match = /^(.*)\.([A-Za-z][A-Za-z0-9]{0,4})$/.exec(fileName);
  if (match && aliases.includes((match[2] as string).toLowerCase())) return fileName;
  const stem = (match ? (match[1] as string) : fileName).replace(/[.\s]+$/, '') || 'document';
  return `${stem.slice(0, 200 - canonical.length - 1)}.${canonical}`;
}

async function inspectPdf(bytes: Buffer): Promise<void> {
  const { PDFArray, PDFDict, PDFDocument, PDFName, PDFStream } = await import('pdf-lib');
  // Anything after the last %%EOF but whitespace is another file riding along (an HTML page, a script).
  const eof = bytes.lastIndexOf('%%EOF', undefined, 'latin1');
  if (eof < 0) throw notWellFormed('PDF', 'no end-of-file marker');
  const tail = bytes.subarray(eof + 5);
  if (tail.some((b) => b !== 0x20 && b !== 0x0a && b !== 0x0d && b !== 0x09 && b !== 0x0c && b !== 0x00)) {
    throw notWellFormed('PDF', 'data after the end of the document');
  }
  let doc: Awaited<ReturnType<typeof PDFDocument.load>>;
  try {
    doc = await PDFDocument.load(bytes, { ignoreEncryption: true, throwOnInvalidObject: true, updateMetadata: false });
  } catch (e) {
    throw notWellFormed('PDF', `it does not parse: ${(e as Error).message.split('\n')[0]?.slice(0, 200)}`);
  }
  if (doc.isEncrypted) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'encrypted PDFs cannot be checked and are not accepted', {
      errors: [{ path: 'body', message: 'an encrypted (protected) PDF: print it to a new, unprotected PDF first' }],
    });
  }
  let pages = 0;
  try {
    pages = doc.getPageCount();
  } catch {
    pages = 0;
  }
  if (pages < 1) throw notWellFormed('PDF', 'it has no pages');

  const found = new Set<string>();
  const visit = (obj: unknown, depth: number): void => {
    if (depth > 100) return;
    if (obj instanceof PDFName) {
      const name = decodePdfName(obj.asString());
      if (ACTIVE_PDF_NAMES.has(name)) found.add(name);
    } else if (obj instanceof PDFDict) {
      for (const [key, value] of obj.entries()) {
        visit(key, depth + 1);
        visit(value, depth + 1);
      }
    } else if (obj instanceof PDFArray) {
      for (const item of obj.asArray()) visit(item, depth + 1);
    } else if (obj instanceof PDFStream) {
      visit(obj.dict, depth + 1);
    }
  };
  for (const [, obj] of doc.context.enumerateIndirectObjects()) visit(obj, 0);
  visit(doc.context.trailerInfo.Root, 0);
  if (found.size) {
    const names = [...found].map((n) => `/${n}`).join(', ');
    throw new AppError('VALIDATION_FAILED', `PDFs with JavaScript or automatic actions are not accepted (${names})`, {
      errors: [{ path: 'body', message: `the PDF contains active content (${names}); print or save it as a plain PDF` }],
    });
  }
}

/** "/J#61vaScript" -> "JavaScript" (hex escapes in either case, also escaped twice). */
function decodePdfName(encoded: string): string {
  let name = encoded.startsWith('/') ? encoded.slice(1) : encoded;
  for (let i = 0; i < 3 && name.includes('#'); i++) {
    name = name.replace(/#([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
  }
  return name;
}

const SHARP_FORMAT: Record<Exclude<DocumentType, 'application/pdf'>, string> = {
  'image/jpeg': 'jpeg',
  'image/png': 'png',
  'image/tiff': 'tiff',
};

async function inspectImage(bytes: Buffer, contentType: Exclude<DocumentType, 'application/pdf'>): Promise<void> {
  const what = SHARP_FORMAT[contentType].toUpperCase();
  const { default: sharp } = await import('sharp');
  const open = () => sharp(bytes, { failOn: 'truncated', limitInputPixels: MAX_IMAGE_PIXELS, sequentialRead: true });
  try {
    const meta = await open().metadata();
    if (meta.format !== SHARP_FORMAT[contentType]) throw new Error(`its structure is ${meta.format ?? 'unknown'}`);
    if (!meta.width || !meta.height) throw new Error('it has no dimensions');
    // Decoding every pixel is what proves the structure; shrinking keeps the output tiny.
    await open().resize(64, 64, { fit: 'inside' }).raw().toBuffer();
  } catch (e) {
    throw notWellFormed(what, (e as Error).message.split('\n')[0]?.slice(0, 200) ?? 'it does not decode');
  }
  if (contentType === 'image/png') {
    const end = bytes.length - 12;
    const iend = end >= 0 && bytes.readUInt32BE(end) === 0 && bytes.toString('latin1', end + 4, end + 8) === 'IEND';
    if (!iend) throw notWellFormed(what, 'data after the end of the image');
  }
}
