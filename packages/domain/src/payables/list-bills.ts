import { requirePermission, todayAt } from '../access/index.ts';
import type { Ctx } from '../shared/context.ts';
import type { Bill, BillListQuery } from './payables.schemas.ts';
import { type BillRow, billKeys, billQuery, toBill } from './rows.ts';
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
  const after = billKeys.decode(q.cursor);
  if (after) {
    const [due, id] = after;
    query = query.where((eb) => eb.or([eb('b.due_date', '>', due), eb.and([eb('b.due_date', '=', due), eb('b.id', '>', id)])]));
  }
  const { page, nextCursor } = billKeys.page((await query.execute()) as BillRow[], q.limit, (r) => [r.due_date, r.id]);
  return { items: page.map((r) => toBill(r, today)), nextCursor, asOf: today };
}
