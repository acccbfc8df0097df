import { requirePatientAccess, requirePermission } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { keyset } from '../shared/cursor.ts';
import { type Ctx, inTransaction } from '../shared/context.ts';
import type { Payment } from './accounts.schemas.ts';
import { publicPayment, withAllocations } from './payment-row.ts';

const newestFirst = keyset('date', 'instant', 'uuid');

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
      .selectAll()
      .where('organization_id', '=', tx.organizationId)
      .where('patient_id', '=', patientId)
      .orderBy('posting_date', 'desc')
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(q.limit + 1);
    const c = newestFirst.decode(q.cursor);
    if (c)
      query = query.where((eb) =>
        eb.or([
          eb('posting_date', '<', c[0]),
          eb.and([eb('posting_date', '=', c[0]), eb('created_at', '<', c[1])]),
          eb.and([eb('posting_date', '=', c[0]), eb('created_at', '=', c[1]), eb('id', '<', c[2])]),
        ]),
      );
    const { page, nextCursor } = newestFirst.page(await query.execute(), q.limit, (r) => [r.posting_date, r.created_at, r.id]);
    const items = (await withAllocations(tx, page)).map(publicPayment);
    await recordAudit(tx, { action: 'search', resourceType: 'payment', access, details: { count: items.length } });
    return { items, nextCursor };
  });
}
