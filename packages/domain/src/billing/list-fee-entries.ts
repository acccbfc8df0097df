import { requirePermission } from '../access/index.ts';
import { keyset } from '../shared/cursor.ts';
import type { Ctx } from '../shared/context.ts';
import type { FeeEntry, FeeEntryQuery } from './billing.schemas.ts';
import { requirePayer, selectSchedule, toFeeEntry } from './fee-entry-row.ts';

const byCodeModifierStart = keyset('text', 'text', 'date');

/**
 * A fee schedule's entries by code, modifier and first day: the standard schedule (`payerId`
 * null) or a payer's contract. `on` keeps those in force that day. No patient data: not audited.
 */
export async function listFeeEntries(
  ctx: Ctx,
  payerId: string | null,
  q: FeeEntryQuery,
): Promise<{ items: FeeEntry[]; nextCursor: string | null }> {
  requirePermission(ctx, 'claim:read');
  await requirePayer(ctx, payerId);
  const after = byCodeModifierStart.decode(q.cursor);
  let query = selectSchedule(ctx, payerId)
    .orderBy('code')
    .orderBy('modifier')
    .orderBy('effective_from')
    .limit(q.limit + 1);
  if (q.code) query = query.where('code', '=', q.code);
  if (q.on) {
    const on = q.on;
    query = query.where('effective_from', '<=', on).where((eb) => eb.or([eb('effective_to', 'is', null), eb('effective_to', '>=', on)]));
  }
  if (after)
    query = query.where((eb) =>
      eb.or([
        eb('code', '>', after[0]),
        eb.and([eb('code', '=', after[0]), eb('modifier', '>', after[1])]),
        eb.and([eb('code', '=', after[0]), eb('modifier', '=', after[1]), eb('effective_from', '>', after[2])]),
      ]),
    );
  const { page, nextCursor } = byCodeModifierStart.page(await query.execute(), q.limit, (r) => [r.code, r.modifier, r.effective_from]);
  return { items: page.map(toFeeEntry), nextCursor };
}
