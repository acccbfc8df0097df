/** Finance reports: aggregates over the books, each with a CSV twin. */
export { arAgingCsv, arAgingReport } from './ar-aging-report.ts';
export { collectionsByReasonCsv, collectionsCsv, collectionsReport } from './collections-report.ts';
export { csvOf, dollars } from './csv.ts';
export { daysInArCsv, daysInArReport } from './days-in-ar-report.ts';
export { JOURNAL_CSV_COLUMNS, journalCsv } from './journal-csv.ts';
export { paymentsByMethodCsv, paymentsByMethodReport } from './payments-by-method-report.ts';
export { MAX_RANGE_DAYS } from './report-dates.ts';
export * from './reports.schemas.ts';
export { trialBalanceCsv, trialBalanceReport } from './trial-balance-report.ts';
