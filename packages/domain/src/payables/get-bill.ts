import { requirePermission, todayAt } from '../access/index.ts';
import type { Ctx } from '../shared/context.ts';
import type { BillDetail } from './payables.schemas.ts';
import { loadBillDetail } from './rows.ts';

/** One bill with its payments (404 for another practice's). */
export async function getBill(ctx: Ctx, id: string): Promise<BillDetail> {
  requirePermission(ctx, 'payables:read');
  return loadBillDetail(ctx, id, await todayAt(ctx));
}
