/**
 * The compliance module's read surface for other modules (migration 0098, listed in its
 * manifest's `views`): break-glass grants without their reason, for the access decision
 * (access) and the audit append's break-glass flag (audit). Only compliance writes the grants.
 * Columns are read-only to Kysely (`never` on insert and update).
 */
import type { ColumnType } from 'kysely';

type Read<T> = ColumnType<T, never, never>;

/** Who may open which record until when; a grant is active while `expires_at` is after the reader's clock. */
export interface BreakGlassWindowsView {
  id: Read<string>;
  organization_id: Read<string>;
  user_id: Read<string>;
  patient_id: Read<string>;
  expires_at: Read<Date>;
}

export interface ComplianceViews {
  break_glass_windows: BreakGlassWindowsView;
}
