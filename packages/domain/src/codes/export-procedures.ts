import { requirePermission } from '../access/index.ts';
import type { Ctx } from '../shared/context.ts';
import { listProcedures } from './list-procedures.ts';
import { formatProcedureCsv } from './procedures-csv.ts';

/** The active procedure list as CSV (the import's columns: importing it back changes nothing). */
export async function exportProcedures(ctx: Ctx): Promise<{ csv: string; rows: number }> {
  requirePermission(ctx, 'org:read');
  const entries = await listProcedures(ctx);
  return { csv: formatProcedureCsv(entries), rows: entries.length };
}
