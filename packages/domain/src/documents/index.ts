export * from './documents.schemas.ts';
export type { DocumentsTables } from './documents.tables.ts';
export { fileNameFor, type InspectedUpload, inspectUpload } from './inspect-upload.ts';
export { listDocuments } from './list-documents.ts';
export { readDocumentContent } from './read-document-content.ts';
export { type DocumentStorage, LocalDiskStorage, localDocumentStorage } from './storage.ts';
export { uploadDocument } from './upload-document.ts';
