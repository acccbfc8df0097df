import { sql } from 'kysely';
import { requirePermission } from '../access/index.ts';
import type { Ctx } from '../shared/context.ts';
import type { Vendor, VendorListQuery } from './payables.schemas.ts';
import { toVendor, vendorKeys } from './rows.ts';

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
  const after = vendorKeys.decode(q.cursor);
  if (after) {
    const [name, id] = after;
    query = query.where((eb) => eb.or([eb('name', '>', name), eb.and([eb('name', '=', name), eb('id', '>', id)])]));
  }
  const { page, nextCursor } = vendorKeys.page(await query.execute(), q.limit, (r) => [r.name, r.id]);
  return { items: page.map(toVendor), nextCursor };
}
