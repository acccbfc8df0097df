import { postingDateAt } from '../ledger/index.ts';
import type { Ctx } from '../shared/context.ts';
import { invalid } from '../shared/errors.ts';

/** The longest date range a report or the journal export covers in one request. */
export const MAX_RANGE_DAYS = 366;

const DAY = 86_400_000;

export const addDays = (day: string, n: number): string => new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);

export const daysBetween = (from: string, to: string): number =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY);

/** Today at the desk's location (the request's), else the practice's books' UTC day. */
export const todayFor = (ctx: Ctx): Promise<string> => postingDateAt(ctx, ctx.locationId);

/**
 * A report's date range: `to` defaults to today, `from` to `defaultDays` before it; `from` after
 * `to` answers 400 naming `from`, more than MAX_RANGE_DAYS days 400 naming `to`.
 */
export async function reportRange(
  ctx: Ctx,
  q: { from?: string | undefined; to?: string | undefined },
  defaultDays: number,
): Promise<{ from: string; to: string }> {
  const to = q.to ?? (q.from ? addDays(q.from, defaultDays - 1) : await todayFor(ctx));
  const from = q.from ?? addDays(to, -(defaultDays - 1));
  if (from > to) throw invalid('from', 'must be on or before `to`');
  if (daysBetween(from, to) + 1 > MAX_RANGE_DAYS)
    throw invalid('to', `a report covers at most ${MAX_RANGE_DAYS} days; choose an earlier \`to\``);
  return { from, to };
}
