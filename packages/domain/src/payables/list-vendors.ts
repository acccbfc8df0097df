import { sql } from 'kysely';
import { requirePermission } from '../access/index.ts';
import type { Ctx } from '../shared/context.ts';
import type { Vendor, VendorListQuery } from './payables.schemas.ts';
import { decodeCursor, encodeCursor, toVendor } from './rows.ts';

/** The practice's vendors by name (active ones unless asked), keyset paged; `q` finds a part of the name. */
export async function listVendors(ctx: Ctx, q: VendorListQuery): Promise<{ items: Vendor[]; nextCursor: string | null }> {
  requirePermission(ctx, 'payables:read');
  let query = ctx.db
    .selectFrom('vendors')
    .selectAll()
    .where('organization_id', '=', ctx.organizationId)
    .orderBy('name')
    .orderBy('id')
    .limit(q.limit + 1);
  if (q.includeInactive !== 'true') query = query.where('active', '=', true);
  if (q.q) query = query.where(sql<boolean>`strpos(lower(name), lower(${q.q})) > 0`);
  if (q.cursor) {
    const [name, id] = decodeCursor(q.cursor, 2) as [string, string];
    query = query.where((eb) => eb.or([eb('name', '>', name), eb.and([eb('name', '=', name), eb('id', '>', id)])]));
  }
  const rows = await query.execute();
  const page = rows.slice(0, q.limit);
  const last = page[page.length - 1];
  return { items: page.map(toVendor), nextCursor: rows.length > q.limit && last ? encodeCursor(last.name, last.id) : null };
}
