import { complaintPlace } from './complaint-scope.ts';
import { sql } from 'kysely';
import { requirePermission, NOBODY, locationsHolding } from '../access/index.ts';
import { type Ctx, inTransaction } from '../shared/context.ts';
import { COMPLAINT_CATEGORIES, COMPLAINT_SEVERITIES, COMPLAINT_STATUSES, OPEN_COMPLAINT_STATUSES } from './complaints.tables.ts';
import type { ComplaintReport } from './complaints.schemas.ts';

/**
 * The monthly complaints report: the complaints received in `month` (YYYY-MM) by category,
 * severity and status (every value listed, zero included), how many of them are overdue today
 * (still open past their due date) and how many patients were told the outcome. Counts only.
 */
export async function complaintsReport(ctx: Ctx, month: string): Promise<ComplaintReport> {
  requirePermission(ctx, 'complaint:manage');
  return inTransaction(ctx, async (tx) => {
    const { today } = await complaintPlace(tx, 'complaint:manage', undefined);
    const first = `${month}-01`;
    let q = tx.db
      .selectFrom('complaints as c')
      .where('c.organization_id', '=', tx.organizationId)
      .where('c.received_on', '>=', first)
      .where(sql<boolean>`c.received_on < (${first}::date + interval '1 month')`);
    const readable = locationsHolding(tx, 'complaint:manage', { selectedOnly: true });
    if (readable) q = q.where('c.location_id', 'in', readable.length ? readable : [NOBODY]);
    const rows = await q.select(['c.category', 'c.severity', 'c.status', 'c.due_on', 'c.patient_informed']).execute();
    const tally = <T extends string>(values: readonly T[], pick: (r: (typeof rows)[number]) => T) =>
      values.map((value) => ({ value, count: rows.filter((r) => pick(r) === value).length }));
    return {
      month,
      total: rows.length,
      byCategory: tally(COMPLAINT_CATEGORIES, (r) => r.category),
      bySeverity: tally(COMPLAINT_SEVERITIES, (r) => r.severity),
      byStatus: tally(COMPLAINT_STATUSES, (r) => r.status),
      overdue: rows.filter((r) => OPEN_COMPLAINT_STATUSES.includes(r.status) && r.due_on !== null && r.due_on < today).length,
      patientInformed: rows.filter((r) => r.patient_informed).length,
    };
  });
}
