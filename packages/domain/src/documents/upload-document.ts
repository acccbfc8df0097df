import { createHash, randomUUID } from 'node:crypto';
import { requirePatientAccess, requirePermission } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { isCoverageOfPatient } from '../insurance/index.ts';
import { patientStatus } from '../patients/index.ts';
import { actorUserId, inTransaction, type Ctx } from '../shared/context.ts';
import { AppError, invalid } from '../shared/errors.ts';
import { toDocument } from './document-row.ts';
import { type DocumentInfo, type DocumentMeta, MAX_DOCUMENT_BYTES } from './documents.schemas.ts';
import { fileNameFor, inspectUpload } from './inspect-upload.ts';
import type { DocumentStorage } from './storage.ts';

/**
 * Store a scanned document for a patient. The type comes from the bytes
 * (PDF, JPEG, PNG, TIFF only), never from the client, and the bytes must parse as that
 * type (inspect-upload.ts: no disguised files, no PDFs with JavaScript or automatic
 * actions); the stored file name carries the detected type's extension, so a download
 * is named for what it is. The SHA-256 recorded here is checked on every read. Bytes are written first and removed again when the
 * row cannot be committed, so no row ever points at a missing file.
 */
export async function uploadDocument(
  ctx: Ctx,
  storage: DocumentStorage,
  patientId: string,
  meta: DocumentMeta,
  bytes: Buffer,
): Promise<DocumentInfo> {
  requirePermission(ctx, 'document:write');
  const access = await requirePatientAccess(ctx, patientId, 'document:write');
  if (bytes.length === 0) throw invalid('body', 'the file is empty');
  if (bytes.length > MAX_DOCUMENT_BYTES) throw new AppError('PAYLOAD_TOO_LARGE', `documents are limited to ${MAX_DOCUMENT_BYTES} bytes`);
  const { contentType } = await inspectUpload(bytes);
  const fileName = fileNameFor(meta.fileName, contentType);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const key = `${ctx.organizationId}/${randomUUID()}`;
  return inTransaction(ctx, async (tx) => {
    if ((await patientStatus(tx, patientId)) === 'merged')
      throw new AppError('CONFLICT', 'this record was merged; upload to the surviving record');
    if (meta.coverageId && !(await isCoverageOfPatient(tx, meta.coverageId, patientId)))
      throw invalid('coverageId', "not one of this patient's coverages");
    await storage.put(key, bytes);
    try {
      const row = await tx.db
        .insertInto('documents')
        .values({
          organization_id: tx.organizationId,
          patient_id: patientId,
          coverage_id: meta.coverageId ?? null,
          category: meta.category,
          file_name: fileName,
          description: meta.description,
          content_type: contentType,
          size_bytes: bytes.length,
          sha256,
          storage_key: key,
          uploaded_by: actorUserId(tx),
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await recordAudit(tx, {
        action: 'create',
        resourceType: 'document',
        resourceId: row.id,
        patientId,
        breakGlass: access.breakGlass,
        details: { category: row.category, contentType, sizeBytes: bytes.length, sha256 },
      });
      return toDocument(row);
    } catch (e) {
      await storage.delete(key).catch(() => undefined);
      throw e;
    }
  });
}
