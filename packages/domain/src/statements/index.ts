export { type DunningLevel, type StatementIssuedPayload, statementIssued } from './statement-issued.ts';
