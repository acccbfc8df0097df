/**
 * The PDF layer every printed document uses (docs/ARCHITECTURE.md, "Printing"):
 * `createPdf` (document.ts) with embedded Unicode fonts (fonts.ts) and measured layout (layout.ts).
 */
export { createPdf, type Letterhead, type PdfColumn, type PdfDocument, type PdfOptions, type PdfRow, type TextStyle } from './document.ts';
export { PLACEHOLDER } from './layout.ts';
