import {
  documentMetaSchema,
  documentSchema,
  listDocuments,
  MAX_DOCUMENT_BYTES,
  readDocumentContent,
  uploadDocument,
} from '@domain/documents/index.ts';
import { AppError } from '@domain/shared/errors.ts';
import { z } from 'zod';
import { idParams, listOf } from '../../plugins/http-schemas.ts';
import type { App } from '../../plugins/types.ts';

/** Raw upload bodies: a browser sends a File with its own type, curl --data-binary with octet-stream. */
const UPLOAD_TYPES = ['application/octet-stream', 'application/pdf', 'image/jpeg', 'image/png', 'image/tiff'];

function contentDisposition(kind: 'inline' | 'attachment', fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

export default async function documentRoutes(app: App) {
  app.addContentTypeParser(UPLOAD_TYPES, { parseAs: 'buffer', bodyLimit: MAX_DOCUMENT_BYTES }, (_request, body, done) => done(null, body));

  app.get(
    '/api/patients/:id/documents',
    {
      config: { permission: 'document:read' },
      schema: {
        tags: ['documents'],
        summary: "A patient's documents, newest first",
        params: idParams,
        querystring: z.strictObject({ coverageId: z.string().uuid().optional() }),
        response: { 200: listOf(documentSchema) },
      },
    },
    async (request) => ({
      items: await listDocuments(request.ctx, request.params.id, { coverageId: request.query.coverageId }),
      nextCursor: null,
    }),
  );

  app.post(
    '/api/patients/:id/documents',
    {
      config: { permission: 'document:write', errors: ['CONFLICT'] },
      bodyLimit: MAX_DOCUMENT_BYTES,
      schema: {
        tags: ['documents'],
        summary:
          'Upload a document: the raw file as the body (PDF, JPEG, PNG or TIFF, at most 10 MB; type detected from the content), metadata in the query',
        consumes: UPLOAD_TYPES,
        params: idParams,
        querystring: documentMetaSchema,
        body: z.any().describe('the file bytes'),
        response: { 201: documentSchema },
      },
    },
    async (request, reply) => {
      const body = request.body;
      if (!Buffer.isBuffer(body)) {
        throw new AppError('UNSUPPORTED_MEDIA_TYPE', `send the file itself as the body, with Content-Type ${UPLOAD_TYPES.join(', ')}`);
      }
      const doc = await uploadDocument(request.ctx, app.services.documentStorage, request.params.id, request.query, body);
      return reply.code(201).send(doc);
    },
  );

  app.get(
    '/api/documents/:id/content',
    {
      config: { permission: 'document:read', errors: ['INTEGRITY_FAILURE'] },
      schema: {
        tags: ['documents'],
        summary: 'The file (attachment by default; disposition=inline to view). Refused with 500 INTEGRITY_FAILURE if it changed on disk',
        params: idParams,
        querystring: z.strictObject({ disposition: z.enum(['inline', 'attachment']).default('attachment') }),
      },
    },
    async (request, reply) => {
      const { document, bytes } = await readDocumentContent(
        request.ctx,
        app.services.documentStorage,
        request.params.id,
        request.query.disposition,
      );
      return reply
        .header('content-type', document.contentType)
        .header('content-length', String(bytes.length))
        .header('content-disposition', contentDisposition(request.query.disposition, document.fileName))
        .header('x-content-type-options', 'nosniff')
        .header('etag', `"${document.sha256}"`)
        .send(bytes);
    },
  );
}
