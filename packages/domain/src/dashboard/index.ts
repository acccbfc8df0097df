/** The office manager's dashboard: one screen of the day's figures, a CSV of them, and a morning digest by email. */
export * from './dashboard.schemas.ts';
export type { DashboardTables } from './dashboard.tables.ts';
export { getDashboard } from './get-dashboard.ts';
export { dashboardCsv } from './dashboard-csv.ts';
export { DIGEST_LOCAL_TIME, digestText, sweepDigests } from './daily-digest.ts';
