/** Coverage rules of a location: who must be on when (at least one front desk while open; a nurse or MA with each provider session). */
import type { Selectable } from 'kysely';
import { recordAudit } from '../audit/index.ts';
import { type Ctx, inTransaction } from '../shared/context.ts';
import { notFound } from '../shared/errors.ts';
import { readableLocation, rotaLocation } from './rota-refs.ts';
import type { CoverageRule, CoverageRuleInput } from './rota.schemas.ts';
import type { CoverageRulesTable } from './rota.tables.ts';

export function toCoverageRule(r: Selectable<CoverageRulesTable>): CoverageRule {
  return {
    id: r.id,
    locationId: r.location_id,
    kind: r.kind,
    duty: r.duty,
    supportDuties: r.support_duties,
    minCount: r.min_count,
    weekdays: r.weekdays,
    startTime: r.start_time?.slice(0, 5) ?? null,
    endTime: r.end_time?.slice(0, 5) ?? null,
    label: r.label,
  };
}

export async function createCoverageRule(ctx: Ctx, input: CoverageRuleInput): Promise<CoverageRule> {
  return inTransaction(ctx, async (tx) => {
    const loc = await rotaLocation(tx, 'staff:manage', input.locationId);
    const row = await tx.db
      .insertInto('coverage_rules')
      .values({
        organization_id: tx.organizationId,
        location_id: loc.id,
        kind: input.kind,
        duty: input.duty,
        support_duties: input.kind === 'support' ? [...new Set(input.supportDuties)] : [],
        min_count: input.minCount,
        weekdays: input.kind === 'minimum' ? [...new Set(input.weekdays)].sort() : [],
        start_time: input.kind === 'minimum' ? (input.startTime ?? null) : null,
        end_time: input.kind === 'minimum' ? (input.endTime ?? null) : null,
        label: input.label,
        created_at: tx.clock.now(),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(tx, { action: 'create', resourceType: 'coverage_rule', resourceId: row.id });
    return toCoverageRule(row);
  });
}

export async function listCoverageRules(ctx: Ctx, locationId: string): Promise<{ items: CoverageRule[]; nextCursor: null }> {
  return inTransaction(ctx, async (tx) => {
    const loc = await readableLocation(tx, locationId);
    const rows = await tx.db
      .selectFrom('coverage_rules')
      .selectAll()
      .where('organization_id', '=', tx.organizationId)
      .where('location_id', '=', loc.id)
      .orderBy('created_at')
      .orderBy('id')
      .limit(200)
      .execute();
    return { items: rows.map(toCoverageRule), nextCursor: null };
  });
}

export async function deleteCoverageRule(ctx: Ctx, id: string): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const row = await tx.db
      .selectFrom('coverage_rules')
      .select(['id', 'location_id'])
      .where('organization_id', '=', tx.organizationId)
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) throw notFound('coverage rule');
    await rotaLocation(tx, 'staff:manage', row.location_id, null);
    await tx.db.deleteFrom('coverage_rules').where('id', '=', id).execute();
    await recordAudit(tx, { action: 'delete', resourceType: 'coverage_rule', resourceId: id });
  });
}
