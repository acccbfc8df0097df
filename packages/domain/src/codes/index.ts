/** The codes module's public face: ICD-10-CM and HCPCS Level II reference sets, the practice's procedure list. */
export { findIcd10Codes, type Icd10Code, requireBillableDiagnoses } from './find-icd10-codes.ts';
export { findProcedures, type ProcedureEntry } from './find-procedures.ts';
export { hcpcsKeyPrefix, icd10Key, icd10KeyPrefix, icd10WithDot, PROCEDURE_CODE_PATTERN, procedureCode } from './code-shapes.ts';
export type { CodesTables } from './codes.tables.ts';
export * from './codes.schemas.ts';
export { icd10WordPage, searchIcd10, searchIcd10InDatabase } from './search-icd10.ts';
export { dropIcd10Index, Icd10Index, icd10Index, icd10IndexTask, refreshIcd10Index } from './icd10-index.ts';
export { searchHcpcs } from './search-hcpcs.ts';
export { boundCodeScans, WORD_SEARCH_BOUNDS, type WordTerm, wordTerms } from './word-terms.ts';
export { listProcedures, PROCEDURE_LIST_LIMIT } from './list-procedures.ts';
export { createProcedure } from './create-procedure.ts';
export { updateProcedure } from './update-procedure.ts';
export { importProcedures } from './import-procedures.ts';
export { exportProcedures } from './export-procedures.ts';
export {
  formatFeeCents,
  formatProcedureCsv,
  parseFeeCents,
  parseProcedureCsv,
  PROCEDURE_CSV_COLUMNS,
  type ProcedureCsvRow,
} from './procedures-csv.ts';
export { DEMO_PROCEDURES, seedDemoProcedures } from './seed-procedures-demo.ts';
