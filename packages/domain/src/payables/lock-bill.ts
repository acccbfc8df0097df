import { todayAt } from '../access/index.ts';
import type { Selectable } from 'kysely';
import type { Ctx } from '../shared/context.ts';
import { AppError, notFound } from '../shared/errors.ts';
import type { BillsTable } from './payables.tables.ts';
import { isUuid, loadBillDetail } from './rows.ts';

/** The bill, locked for this transaction's change: 404 when unknown or another practice's. */
export async function lockBill(tx: Ctx, id: string): Promise<Selectable<BillsTable>> {
  const bill = isUuid(id)
    ? await tx.db
        .selectFrom('bills')
        .selectAll()
        .where('organization_id', '=', tx.organizationId)
        .where('id', '=', id)
        .forUpdate()
        .executeTakeFirst()
    : undefined;
  if (!bill) throw notFound('bill');
  return bill;
}

/**
 * `lockBill` at the version the caller saw (If-Match), with the practice's today: a stale version
 * answers 412 carrying the bill as it now is.
 */
export async function lockBillAt(tx: Ctx, id: string, expectedVersion: number): Promise<{ bill: Selectable<BillsTable>; today: string }> {
  const bill = await lockBill(tx, id);
  const today = await todayAt(tx);
  if (bill.version !== expectedVersion)
    throw new AppError('VERSION_MISMATCH', `bill is at version ${bill.version}`, {
      extra: { current: await loadBillDetail(tx, id, today) },
    });
  return { bill, today };
}
