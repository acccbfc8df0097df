import type { Ctx } from '../shared/context.ts';

/**
 * The copay of each coverage's latest active 271 answer (coverages without one, or whose answer
 * names no copay, are left out). For the desk's expected copay when the coverage records none.
 * No permission or audit of its own: the caller checks and audits.
 */
export async function latestCopays(ctx: Ctx, coverageIds: readonly string[]): Promise<Map<string, number>> {
  if (coverageIds.length === 0) return new Map();
  const rows = await ctx.db
    .selectFrom('eligibility_responses')
    .select(['coverage_id', 'copay_cents', 'status'])
    .distinctOn('coverage_id')
    .where('organization_id', '=', ctx.organizationId)
    .where('coverage_id', 'in', [...coverageIds])
    .orderBy('coverage_id')
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return new Map(
    rows.filter((r) => r.status === 'active' && r.copay_cents !== null).map((r) => [r.coverage_id, Number(r.copay_cents)] as const),
  );
}
