import type { ColumnType, Generated } from 'kysely';

type Instant = ColumnType<Date, Date | string, Date | string>;

/** Emergency access to a restricted record (migration 0002): at most 60 minutes, with a reason. */
export interface BreakGlassGrantsTable {
  id: Generated<string>;
  organization_id: string;
  user_id: string;
  patient_id: string;
  reason: string;
  created_at: Instant;
  expires_at: Instant;
}

/** A manager's review of a break-glass grant (migration 0079): one per grant, append-only. */
export interface BreakGlassReviewsTable {
  grant_id: string;
  organization_id: string;
  reviewed_by: string;
  reviewed_at: ColumnType<Date, Date | string | undefined, never>;
  note: string | null;
}

export interface ComplianceTables {
  break_glass_grants: BreakGlassGrantsTable;
  break_glass_reviews: BreakGlassReviewsTable;
}
