import { createHash } from 'node:crypto';
import { requirePatientAccess, requirePermission } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { inTransaction, type Ctx } from '../shared/context.ts';
import { AppError } from '../shared/errors.ts';
import { toDocument } from './document-row.ts';
import type { DocumentInfo } from './documents.schemas.ts';
import type { DocumentStorage } from './storage.ts';

/**
 * The bytes of a document, after checking them against the SHA-256 recorded at
 * upload: a changed or missing file is INTEGRITY_FAILURE, never served. Viewing
 * inline is audited as a read, downloading as an export.
 */
export async function readDocumentContent(
  ctx: Ctx,
  storage: DocumentStorage,
  documentId: string,
  disposition: 'inline' | 'attachment',
): Promise<{ document: DocumentInfo; bytes: Buffer }> {
  requirePermission(ctx, 'document:read');
  if (!/^[0-9a-f-]{36}$/i.test(documentId)) throw new AppError('NOT_FOUND', 'document not found');
  const row = await ctx.db
    .selectFrom('documents')
    .selectAll()
    .where('id', '=', documentId)
    .where('organization_id', '=', ctx.organizationId)
    .executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', 'document not found');
  const access = await requirePatientAccess(ctx, row.patient_id, 'document:read');
  const bytes = await storage.get(row.storage_key);
  const actual = bytes ? createHash('sha256').update(bytes).digest('hex') : null;
  if (actual !== row.sha256) {
    await recordAudit(
      { ...ctx, db: ctx.baseDb },
      {
        action: disposition === 'inline' ? 'read' : 'export',
        resourceType: 'document',
        resourceId: row.id,
        patientId: row.patient_id,
        outcome: 'denied',
        details: { reason: bytes ? 'integrity check failed' : 'file missing', expected: row.sha256, actual },
      },
    ).catch(() => undefined);
    throw new AppError('INTEGRITY_FAILURE', 'the stored file no longer matches what was uploaded; it will not be served');
  }
  return inTransaction(ctx, async (tx) => {
    await recordAudit(tx, {
      action: disposition === 'inline' ? 'read' : 'export',
      resourceType: 'document',
      resourceId: row.id,
      patientId: row.patient_id,
      breakGlass: access.breakGlass,
      details: { disposition },
    });
    return { document: toDocument(row), bytes: bytes as Buffer };
  });
}
