import { requirePatientAccess, requirePermission } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { type Ctx, inTransaction } from '../shared/context.ts';
import { invalid } from '../shared/errors.ts';
import type { Payment } from './accounts.schemas.ts';
import { loadPayment, publicPayment } from './payment-row.ts';

/** A patient's payments, newest first (posting date, then when posted), with allocations and refunds; audited with the patient. */
export async function listPayments(
  ctx: Ctx,
  patientId: string,
  q: { limit: number; cursor?: string | undefined },
): Promise<{ items: Payment[]; nextCursor: string | null }> {
  requirePermission(ctx, 'account:read');
  return inTransaction(ctx, async (tx) => {
    const access = await requirePatientAccess(tx, patientId, 'account:read');
    let query = tx.db
      .selectFrom('payments')
      .select(['id', 'posting_date', 'created_at'])
      .where('organization_id', '=', tx.organizationId)
      .where('patient_id', '=', patientId)
      .orderBy('posting_date', 'desc')
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(q.limit + 1);
    if (q.cursor) {
      const [date, at, id] = Buffer.from(q.cursor, 'base64url').toString('utf8').split('|');
      if (!date || !at || !id || !/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(at)) || !/^[0-9a-f-]{36}$/i.test(id))
        throw invalid('cursor', 'not a cursor from this list');
      const when = new Date(at);
      query = query.where((eb) =>
        eb.or([
          eb('posting_date', '<', date),
          eb.and([eb('posting_date', '=', date), eb('created_at', '<', when)]),
          eb.and([eb('posting_date', '=', date), eb('created_at', '=', when), eb('id', '<', id)]),
        ]),
      );
    }
    const rows = await query.execute();
    const page = rows.slice(0, q.limit);
    const items = [];
    for (const r of page) items.push(publicPayment(await loadPayment(tx, r.id)));
    await recordAudit(tx, { action: 'search', resourceType: 'payment', access, details: { count: items.length } });
    const last = page[page.length - 1];
    return {
      items,
      nextCursor:
        rows.length > q.limit && last
          ? Buffer.from(`${last.posting_date}|${last.created_at.toISOString()}|${last.id}`).toString('base64url')
          : null,
    };
  });
}
