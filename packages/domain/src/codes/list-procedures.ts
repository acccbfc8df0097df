import { requirePermission } from '../access/index.ts';
import type { Ctx } from '../shared/context.ts';
import type { Procedure } from './codes.schemas.ts';
import { toProcedure } from './procedure-row.ts';

/** Most entries a list answers (a practice keeps tens to a few hundred). */
export const PROCEDURE_LIST_LIMIT = 1000;

/**
 * The practice's procedure list, by code: active entries unless `includeInactive`; `q` matches
 * the beginning of the code or any part of the description. No patient data: not audited.
 */
export async function listProcedures(
  ctx: Ctx,
  opts: { q?: string | undefined; includeInactive?: boolean | undefined; limit?: number | undefined } = {},
): Promise<Procedure[]> {
  requirePermission(ctx, 'org:read');
  let query = ctx.db.selectFrom('procedures').selectAll().where('organization_id', '=', ctx.organizationId);
  if (!opts.includeInactive) query = query.where('active', '=', true);
  const q = opts.q?.trim();
  if (q) {
    const like = q.replace(/[\\%_]/g, (c) => `\\${c}`);
    query = query.where((eb) => eb.or([eb('code', 'like', `${like.toUpperCase()}%`), eb('description', 'ilike', `%${like}%`)]));
  }
  const rows = await query
    .orderBy('code')
    .limit(Math.min(opts.limit ?? PROCEDURE_LIST_LIMIT, PROCEDURE_LIST_LIMIT))
    .execute();
  return rows.map(toProcedure);
}
