import { sql } from 'kysely';
import { findProcedures } from '../codes/index.ts';
import type { Ctx } from '../shared/context.ts';
import type { PriceSource } from './billing.tables.ts';

export interface UnitPrice {
  unitPriceCents: number;
  source: Exclude<PriceSource, 'manual'>;
}

/**
 * The standard price of one unit of `code` with `modifier` (a line's first modifier, '' for
 * none) on `dateOfService`: the standard schedule's entry in force that day for the code and
 * modifier, else its entry for the code without a modifier, else the procedure list's default
 * fee; `none` (0) when nothing prices it.
 */
export async function priceOn(tx: Ctx, code: string, modifier: string, dateOfService: string): Promise<UnitPrice> {
  const entry = await tx.db
    .selectFrom('fee_schedule_entries')
    .select('amount_cents')
    .where('organization_id', '=', tx.organizationId)
    .where('payer_id', 'is', null)
    .where('code', '=', code)
    .where('modifier', 'in', modifier ? [modifier, ''] : [''])
    .where(sql<boolean>`daterange(effective_from, effective_to, '[]') @> ${dateOfService}::date`)
    // The modifier's own price before the code's plain one.
    .orderBy(sql`modifier = ''`)
    .limit(1)
    .executeTakeFirst();
  if (entry) return { unitPriceCents: Number(entry.amount_cents), source: 'fee_schedule' };
  const listed = (await findProcedures(tx, [code])).get(code);
  if (listed) return { unitPriceCents: listed.defaultFeeCents, source: 'procedure_list' };
  return { unitPriceCents: 0, source: 'none' };
}
