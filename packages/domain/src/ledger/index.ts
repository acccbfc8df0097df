export { ACCOUNT_CODE, type AccountKey, STANDARD_ACCOUNTS } from './accounts.ts';
export * from './ledger.schemas.ts';
export type { LedgerTables } from './ledger.tables.ts';
export { type EntryLine, type NewEntry, type PostedEntry, postEntry, postingDateAt, reverseEntry } from './post-entry.ts';
export { type OpenBalance, type OpenBalancesQuery, openBalances } from './open-balances.ts';
export { trialBalance } from './trial-balance.ts';
export {
  AGE_BUCKETS,
  type AgeBucket,
  ageBucket,
  type EncounterBalance,
  encounterBalances,
  type PatientBalances,
  patientBalances,
} from './patient-balances.ts';
export { patientPaymentsSince, type StatementVisit, statementActivity } from './statement-activity.ts';
export {
  ADJUSTMENT_CATEGORIES,
  type AdjustmentCategory,
  type AdjustmentReasonRow,
  adjustmentsByReason,
} from './adjustment-reasons.ts';
export { type ActivityPeriod, type ActivityQuery, type ActivityRow, ACTIVITY_PERIODS, activitySummary } from './activity-summary.ts';
export { type ArAging, type ArAgingQuery, type ArAgingRow, arAging } from './ar-aging.ts';
export { type JournalCursor, type JournalExportLine, journalLinesPage } from './journal-export.ts';
export { netCharges } from './net-charges.ts';
