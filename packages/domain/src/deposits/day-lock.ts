import { sql } from 'kysely';
import { addDays } from '../scheduling/index.ts';
import type { Ctx } from '../shared/context.ts';
import { AppError } from '../shared/errors.ts';

/** The advisory lock key of one location's day: a close holds it exclusively, whatever dates money into the day holds it shared. */
const dayKey = (tx: Ctx, locationId: string, date: string) => sql`hashtextextended(${`day:${tx.organizationId}:${locationId}:${date}`}, 0)`;

/** The close of the day takes its key exclusively: payments and refunds dated into the day wait, then see the close. */
export async function lockDayForClose(tx: Ctx, locationId: string, date: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(${dayKey(tx, locationId, date)})`.execute(tx.db);
}

async function isClosed(tx: Ctx, locationId: string, date: string): Promise<boolean> {
  const row = await tx.db
    .selectFrom('daily_closes')
    .select('id')
    .where('organization_id', '=', tx.organizationId)
    .where('location_id', '=', locationId)
    .where('close_date', '=', date)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Throws 409 DAY_CLOSED (naming `path`, `postingDate` by default) when the location's day is
 * closed. Call it in the transaction that dates money into the day: it holds the day's lock
 * (shared) until commit, so a close running at the same time either waits for this transaction
 * and counts what it posts, or committed first and this one is refused.
 */
export async function assertDayOpen(tx: Ctx, at: { locationId: string; date: string; path?: string }): Promise<void> {
  if (!tx.db.isTransaction) throw new Error('assertDayOpen needs the transaction that dates money into the day');
  await sql`select pg_advisory_xact_lock_shared(${dayKey(tx, at.locationId, at.date)})`.execute(tx.db);
  if (await isClosed(tx, at.locationId, at.date)) {
    const message = `${at.date} is closed at this location: date it on an open day`;
    throw new AppError('DAY_CLOSED', message, { errors: [{ path: at.path ?? 'postingDate', message }], extra: { date: at.date } });
  }
}

/**
 * The first day from `from` on that is not closed at the location, held open for the
 * transaction (assertDayOpen's shared lock): where a correction of a closed day posts.
 * Looks ahead at most a year of consecutive closed days.
 */
export async function nextOpenDay(tx: Ctx, at: { locationId: string; from: string }): Promise<string> {
  let day = at.from;
  for (let attempt = 0; attempt < 5; attempt++) {
    const closed = new Set(
      (
        await tx.db
          .selectFrom('daily_closes')
          .select('close_date')
          .where('organization_id', '=', tx.organizationId)
          .where('location_id', '=', at.locationId)
          .where('close_date', '>=', day)
          .where('close_date', '<=', addDays(day, 366))
          .execute()
      ).map((r) => r.close_date),
    );
    while (closed.has(day)) day = addDays(day, 1);
    try {
      await assertDayOpen(tx, { locationId: at.locationId, date: day });
      return day;
    } catch (e) {
      // Closed while this transaction looked: try the day after.
      if ((e as AppError).code !== 'DAY_CLOSED') throw e;
      day = addDays(day, 1);
    }
  }
  throw new AppError('CONFLICT', 'the days ahead are being closed; retry');
}
