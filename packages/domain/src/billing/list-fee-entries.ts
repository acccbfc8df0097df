import { requirePermission } from '../access/index.ts';
import type { Ctx } from '../shared/context.ts';
import { invalid } from '../shared/errors.ts';
import type { FeeEntry, FeeEntryQuery } from './billing.schemas.ts';
import { requirePayer, selectSchedule, toFeeEntry } from './fee-entry-row.ts';

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
  const after = decode(q.cursor);
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
        eb('code', '>', after.code),
        eb.and([eb('code', '=', after.code), eb('modifier', '>', after.modifier)]),
        eb.and([eb('code', '=', after.code), eb('modifier', '=', after.modifier), eb('effective_from', '>', after.from)]),
      ]),
    );
  const rows = await query.execute();
  const page = rows.slice(0, q.limit);
  const last = page[page.length - 1];
  return {
    items: page.map(toFeeEntry),
    nextCursor:
      rows.length > q.limit && last ? Buffer.from(`${last.code}|${last.modifier}|${last.effective_from}`).toString('base64url') : null,
  };
}

function decode(cursor: string | undefined): { code: string; modifier: string; from: string } | null {
  if (!cursor) return null;
  const [code, modifier, from] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (!code || modifier === undefined || !from || !/^[0-9A-Z]{5}$/.test(code) || !/^\d{4}-\d{2}-\d{2}$/.test(from))
    throw invalid('cursor', 'not a cursor from this list');
  return { code, modifier, from };
}
