import { createHash } from 'node:crypto';
import { requirePermission } from '../access/index.ts';
import type { DocumentStorage } from '../documents/index.ts';
import type { Ctx } from '../shared/context.ts';
import { AppError, notFound } from '../shared/errors.ts';
import { isUuid } from './rows.ts';

/** A bill's invoice file, after checking it against the SHA-256 kept at upload (a changed or missing file is never served). */
export async function readInvoice(
  ctx: Ctx,
  storage: DocumentStorage,
  billId: string,
): Promise<{ fileName: string; contentType: string; sha256: string; bytes: Buffer }> {
  requirePermission(ctx, 'payables:read');
  const row = isUuid(billId)
    ? await ctx.db
        .selectFrom('bills as b')
        .innerJoin('bill_invoices as i', (j) =>
          j.onRef('i.id', '=', 'b.invoice_document_id').onRef('i.organization_id', '=', 'b.organization_id'),
        )
        .select(['i.file_name', 'i.content_type', 'i.sha256', 'i.storage_key'])
        .where('b.organization_id', '=', ctx.organizationId)
        .where('b.id', '=', billId)
        .executeTakeFirst()
    : undefined;
  if (!row) throw notFound('invoice');
  const bytes = await storage.get(row.storage_key);
  const actual = bytes ? createHash('sha256').update(bytes).digest('hex') : null;
  if (!bytes || actual !== row.sha256)
    throw new AppError('INTEGRITY_FAILURE', 'the stored invoice no longer matches what was uploaded; it will not be served');
  return { fileName: row.file_name, contentType: row.content_type, sha256: row.sha256, bytes };
}
