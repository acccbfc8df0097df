import { requirePermission } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { type Ctx, inTransaction } from '../shared/context.ts';
import { invalid } from '../shared/errors.ts';
import type { Contact, ContactListQuery } from './collections.schemas.ts';
import { toContact } from './contact-row.ts';
import { requireGuarantor } from './guarantor-access.ts';

/** A guarantor's contact log, newest first (keyset pages), read with its audit row. */
export async function listContacts(ctx: Ctx, q: ContactListQuery): Promise<{ items: Contact[]; nextCursor: string | null }> {
  requirePermission(ctx, 'collections:read');
  return inTransaction(ctx, async (tx) => {
    const { access } = await requireGuarantor(tx, q.guarantorKey, 'collections:read');
    const after = decodeCursor(q.cursor);
    let query = tx.db
      .selectFrom('collection_contacts')
      .selectAll()
      .where('organization_id', '=', tx.organizationId)
      .where('guarantor_key', '=', q.guarantorKey)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(q.limit + 1);
    if (after)
      query = query.where((eb) =>
        eb.or([eb('created_at', '<', after.at), eb.and([eb('created_at', '=', after.at), eb('id', '<', after.id)])]),
      );
    const rows = await query.execute();
    const page = rows.slice(0, q.limit);
    await recordAudit(tx, {
      action: 'read',
      resourceType: 'collection_contact',
      access,
      details: { guarantorKey: q.guarantorKey, count: page.length },
    });
    const last = page[page.length - 1];
    return {
      items: page.map(toContact),
      nextCursor: rows.length > q.limit && last ? Buffer.from(`${last.created_at.toISOString()}|${last.id}`).toString('base64url') : null,
    };
  });
}

function decodeCursor(cursor: string | undefined): { at: Date; id: string } | null {
  if (!cursor) return null;
  const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const when = new Date(at ?? '');
  if (!id || !/^[0-9a-f-]{36}$/i.test(id) || Number.isNaN(when.getTime())) throw invalid('cursor', 'not a cursor from this list');
  return { at: when, id };
}
