import { requirePermission } from '../access/index.ts';
import type { Ctx } from '../shared/context.ts';
import { notFound } from '../shared/errors.ts';
import type { Vendor } from './payables.schemas.ts';
import { isUuid, toVendor } from './rows.ts';

/** One vendor of the practice (404 for another practice's). */
export async function getVendor(ctx: Ctx, id: string): Promise<Vendor> {
  requirePermission(ctx, 'payables:read');
  const row = isUuid(id)
    ? await ctx.db
        .selectFrom('vendors')
        .selectAll()
        .where('organization_id', '=', ctx.organizationId)
        .where('id', '=', id)
        .executeTakeFirst()
    : undefined;
  if (!row) throw notFound('vendor');
  return toVendor(row);
}
