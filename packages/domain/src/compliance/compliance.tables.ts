import type { ColumnType } from 'kysely';

/** A manager's review of a break-glass grant (migration 0079): one per grant, append-only. */
export interface BreakGlassReviewsTable {
  grant_id: string;
  organization_id: string;
  reviewed_by: string;
  reviewed_at: ColumnType<Date, Date | string | undefined, never>;
  note: string | null;
}

export interface ComplianceTables {
  break_glass_reviews: BreakGlassReviewsTable;
}
