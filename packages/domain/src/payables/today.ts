import { localDateOf } from '../scheduling/index.ts';
import type { Ctx } from '../shared/context.ts';

/** The practice's calendar day: at the desk's location, else the first active one, else UTC. */
export async function practiceToday(ctx: Ctx): Promise<string> {
  let q = ctx.db
    .selectFrom('location_directory')
    .select('time_zone')
    .where('organization_id', '=', ctx.organizationId)
    .orderBy('active', 'desc')
    .orderBy('name')
    .limit(1);
  if (ctx.locationId) q = q.where('id', '=', ctx.locationId);
  const row = await q.executeTakeFirst();
  return localDateOf(ctx.clock.now().getTime(), row?.time_zone ?? 'UTC');
}

/** Whole days from `from` to `to` (YYYY-MM-DD), negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** `day` plus `n` days (YYYY-MM-DD). */
export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}
