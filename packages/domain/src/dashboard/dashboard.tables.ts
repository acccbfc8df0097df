import type { ColumnType } from 'kysely';

export interface DashboardDigestsTable {
  organization_id: string;
  location_id: string;
  digest_date: string;
  recipients: ColumnType<number, number | undefined, number>;
  sent_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface DashboardTables {
  dashboard_digests: DashboardDigestsTable;
}
