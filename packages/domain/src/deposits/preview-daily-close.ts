import type { Ctx } from '../shared/context.ts';
import { inTransaction } from '../shared/context.ts';
import { invalid } from '../shared/errors.ts';
import { daySummary, publicClose, selectCloses } from './day-summary.ts';
import type { DayPreview } from './deposits.schemas.ts';
import { requireAtLocation } from './location-scope.ts';

/** What closing the location's day would record (before the cash is counted), and the close when there is one. */
export async function previewDailyClose(ctx: Ctx, q: { locationId: string; date: string }): Promise<DayPreview> {
  return inTransaction(ctx, async (tx) => {
    const { today } = await requireAtLocation(tx, 'day:read', q.locationId);
    if (q.date > today) throw invalid('date', 'a day in the future has nothing to close yet');
    const closed = await selectCloses(tx).where('c.location_id', '=', q.locationId).where('c.close_date', '=', q.date).executeTakeFirst();
    const summary = await daySummary(tx, q.locationId, q.date);
    return { ...summary, closed: closed ? publicClose(closed) : null };
  });
}
