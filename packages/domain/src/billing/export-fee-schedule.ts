import { requirePermission } from '../access/index.ts';
import type { Ctx } from '../shared/context.ts';
import { requirePayer, selectSchedule, toFeeEntry } from './fee-entry-row.ts';
import { formatFeeCsv } from './fee-schedule-csv.ts';

/** A fee schedule (standard, or `payerId`'s contract) as CSV in the import's columns: importing it back changes nothing. */
export async function exportFeeSchedule(ctx: Ctx, payerId: string | null): Promise<{ csv: string; rows: number }> {
  requirePermission(ctx, 'claim:read');
  await requirePayer(ctx, payerId);
  const rows = await selectSchedule(ctx, payerId).orderBy('code').orderBy('modifier').orderBy('effective_from').execute();
  return { csv: formatFeeCsv(rows.map(toFeeEntry)), rows: rows.length };
}
