import { createHash, randomUUID } from 'node:crypto';
import { requirePermission, todayAt } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { type DocumentStorage, fileNameFor, inspectUpload, MAX_DOCUMENT_BYTES } from '../documents/index.ts';
import { actorUserId, type Ctx, inTransaction } from '../shared/context.ts';
import { AppError, invalid, notFound } from '../shared/errors.ts';
import type { BillDetail } from './payables.schemas.ts';
import { isUuid, loadBillDetail } from './rows.ts';

/**
 * Attach the invoice as received (PDF, JPEG, PNG or TIFF) to a bill, checked and stored the way
 * scanned documents are (the documents module's inspection and storage: the type comes from the
 * bytes, PDFs with scripts refused, SHA-256 kept and checked on every read). A second file
 * replaces the first on the bill; both stay stored. Bytes are written first and removed again
 * when the row cannot be committed.
 */
export async function attachInvoice(
  ctx: Ctx,
  storage: DocumentStorage,
  billId: string,
  meta: { fileName: string },
  bytes: Buffer,
): Promise<BillDetail> {
  requirePermission(ctx, 'payables:manage');
  if (!isUuid(billId)) throw notFound('bill');
  if (bytes.length === 0) throw invalid('body', 'the file is empty');
  if (bytes.length > MAX_DOCUMENT_BYTES) throw new AppError('PAYLOAD_TOO_LARGE', `invoices are limited to ${MAX_DOCUMENT_BYTES} bytes`);
  return inTransaction(ctx, async (tx) => {
    const bill = await tx.db
      .selectFrom('bills')
      .select(['id', 'version'])
      .where('organization_id', '=', tx.organizationId)
      .where('id', '=', billId)
      .forUpdate()
      .executeTakeFirst();
    if (!bill) throw notFound('bill');
    const { contentType } = await inspectUpload(bytes);
    const fileName = fileNameFor(meta.fileName, contentType);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const key = `${tx.organizationId}/invoices/${randomUUID()}`;
    await storage.put(key, bytes);
    try {
      const invoice = await tx.db
        .insertInto('bill_invoices')
        .values({
          organization_id: tx.organizationId,
          bill_id: bill.id,
          file_name: fileName,
          content_type: contentType,
          size_bytes: bytes.length,
          sha256,
          storage_key: key,
          uploaded_by: actorUserId(tx),
          created_at: tx.clock.now(),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await tx.db
        .updateTable('bills')
        .set({ invoice_document_id: invoice.id, version: bill.version + 1, updated_at: tx.clock.now() })
        .where('organization_id', '=', tx.organizationId)
        .where('id', '=', bill.id)
        .execute();
      await recordAudit(tx, {
        action: 'update',
        resourceType: 'bill',
        resourceId: bill.id,
        details: { change: 'invoice', invoiceId: invoice.id, sha256, sizeBytes: bytes.length },
      });
      return await loadBillDetail(tx, bill.id, await todayAt(tx));
    } catch (e) {
      await storage.delete(key).catch(() => undefined);
      throw e;
    }
  });
}
