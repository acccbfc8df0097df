import { requirePermission } from '../access/index.ts';
import type { Ctx } from '../shared/context.ts';
import type { Payer } from './insurance.schemas.ts';
import { toPayer } from './payer-row.ts';

/**
 * The practice's payer list, by name (no patient data: not audited). Active payers only,
 * unless `includeInactive` (the payer list's own screen, which can bring one back).
 */
export async function listPayers(ctx: Ctx, opts: { q?: string | undefined; includeInactive?: boolean } = {}): Promise<Payer[]> {
  requirePermission(ctx, 'patient:read');
  let q = ctx.db.selectFrom('payers').selectAll().where('organization_id', '=', ctx.organizationId);
  if (!opts.includeInactive) q = q.where('active', '=', true);
  if (opts.q) q = q.where((eb) => eb.or([eb('name', 'ilike', `%${opts.q}%`), eb('edi_payer_id', '=', opts.q as string)]));
  return (await q.orderBy('name').execute()).map(toPayer);
}
