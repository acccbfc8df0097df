/** Patient statements: runs, one statement per guarantor, dunning, PDFs and emailed notices. */
export { type DunningLevel, type StatementIssuedPayload, statementIssued } from './statement-issued.ts';
export * from './statements.schemas.ts';
export type { StatementsTables } from './statements.tables.ts';
export { DUNNING_LEVELS } from './statements.tables.ts';
export { dunningLevel, runStatements, STATEMENT_CYCLE_DAYS } from './run-statements.ts';
export { listStatementRuns } from './list-statement-runs.ts';
export { getStatementRun } from './get-statement-run.ts';
export { COMBINED_PART_SIZE, printStatement, printStatementRun } from './print-statements.ts';
export { listPatientStatements } from './list-patient-statements.ts';
export { dollars, renderStatementsPdf } from './statement-pdf.ts';
export { noticeText } from './send-statement-notice.ts';
export { SEND_STATEMENT_NOTICE_QUEUE } from './statements-queues.ts';
