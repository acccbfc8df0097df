import type { Ctx } from '../shared/context.ts';
import type { Payer } from './insurance.schemas.ts';
import { toPayer } from './payer-row.ts';

/**
 * One payer of the caller's organization (active or not), or null: for modules that hang data
 * off a payer (billing's contracted amounts) and must not read the payer list themselves. The
 * caller has already checked its own permission; payers hold no patient data.
 */
export async function findPayer(ctx: Ctx, payerId: string): Promise<Payer | null> {
  if (!/^[0-9a-f-]{36}$/i.test(payerId)) return null;
  const row = await ctx.db
    .selectFrom('payers')
    .selectAll()
    .where('id', '=', payerId)
    .where('organization_id', '=', ctx.organizationId)
    .executeTakeFirst();
  return row ? toPayer(row) : null;
}

/** The organization's payers' ids and names (active or not), by name: for seeding and joining, no permission of its own. */
export async function payerNames(ctx: Ctx): Promise<{ id: string; name: string; active: boolean }[]> {
  return ctx.db
    .selectFrom('payers')
    .select(['id', 'name', 'active'])
    .where('organization_id', '=', ctx.organizationId)
    .orderBy('name')
    .execute();
}
