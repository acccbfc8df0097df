import { requirePermission, todayAt } from '../access/index.ts';
import type { Ctx } from '../shared/context.ts';
import { invalid } from '../shared/errors.ts';
import type { Bill, BillListQuery } from './payables.schemas.ts';
import { type BillRow, billQuery, decodeCursor, encodeCursor, toBill } from './rows.ts';
import { addDays } from '../shared/local-time.ts';

/**
 * Bills by due date (then id), keyset paged: open (not fully paid), due soon (open and due
 * within `days`, overdue ones included), overdue, paid, void or all; optionally one vendor's.
 */
export async function listBills(ctx: Ctx, q: BillListQuery): Promise<{ items: Bill[]; nextCursor: string | null; asOf: string }> {
  requirePermission(ctx, 'payables:read');
  const today = await todayAt(ctx);
  let query = billQuery(ctx)
    .orderBy('b.due_date')
    .orderBy('b.id')
    .limit(q.limit + 1);
  const open = ['open', 'partially_paid'] as const;
  switch (q.filter) {
    case 'open':
      query = query.where('b.status', 'in', open);
      break;
    case 'due_soon':
      query = query.where('b.status', 'in', open).where('b.due_date', '<=', addDays(today, q.days));
      break;
    case 'overdue':
      query = query.where('b.status', 'in', open).where('b.due_date', '<', today);
      break;
    case 'paid':
    case 'void':
      query = query.where('b.status', '=', q.filter);
      break;
    case 'all':
      break;
  }
  if (q.vendorId) query = query.where('b.vendor_id', '=', q.vendorId);
  if (q.cursor) {
    const [due, id] = decodeCursor(q.cursor, 2) as [string, string];
    if (!/^\d{4}-\d{2}-\d{2}$/.test(due)) throw invalid('cursor', 'not a cursor from this list');
    query = query.where((eb) => eb.or([eb('b.due_date', '>', due), eb.and([eb('b.due_date', '=', due), eb('b.id', '>', id)])]));
  }
  const rows = (await query.execute()) as BillRow[];
  const page = rows.slice(0, q.limit);
  const last = page[page.length - 1];
  return {
    items: page.map((r) => toBill(r, today)),
    nextCursor: rows.length > q.limit && last ? encodeCursor(last.due_date, last.id) : null,
    asOf: today,
  };
}
