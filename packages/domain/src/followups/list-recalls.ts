import { mayOpenPatientSql, requirePermission, todayAt } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { type Ctx, inTransaction } from '../shared/context.ts';
import type { Recall, RecallQuery } from './followups.schemas.ts';
import { decodeCursor, encodeCursor } from './list-cursor.ts';
import { auditGrants } from './list-follow-ups.ts';
import { selectRecalls, toRecall } from './recall-row.ts';

/**
 * The recall list the office works from, oldest due date first, each with its last contact.
 * Without a status: the open ones (due or contacted). `overdue`: due before today at the
 * desk's location (local-today.ts). Restricted patients the caller may not open are left out.
 */
export async function listRecalls(ctx: Ctx, q: RecallQuery): Promise<{ items: Recall[]; nextCursor: string | null }> {
  requirePermission(ctx, 'appointment:read');
  return inTransaction(ctx, async (tx) => {
    const c = decodeCursor(q.cursor);
    const today = await todayAt(tx);
    let query = selectRecalls(tx)
      .where('r.status', 'in', q.status ? [q.status] : ['due', 'contacted'])
      .where(mayOpenPatientSql(tx, 'p'))
      .orderBy('r.due_date')
      .orderBy('r.id')
      .limit(q.limit + 1);
    if (q.overdue) query = query.where('r.due_date', '<', today);
    if (q.dueBefore) query = query.where('r.due_date', '<', q.dueBefore);
    if (c)
      query = query.where((eb) =>
        eb.or([eb('r.due_date', '>', c.dueDate), eb.and([eb('r.due_date', '=', c.dueDate), eb('r.id', '>', c.id)])]),
      );
    const rows = await query.execute();
    const page = rows.slice(0, q.limit);
    await recordAudit(tx, {
      action: 'search',
      resourceType: 'recall',
      details: { status: q.status ?? 'open', count: page.length, ...(q.overdue && { overdue: true }) },
    });
    await auditGrants(
      tx,
      'recall',
      page.map((r) => ({ id: r.patient_id, restricted: r.patient_restricted })),
    );
    const last = page[page.length - 1];
    return {
      items: page.map((r) => toRecall(r, today)),
      nextCursor: rows.length > q.limit && last ? encodeCursor(last.due_date, last.id) : null,
    };
  });
}
