export { createCoverage } from './create-coverage.ts';
export { createPayer } from './create-payer.ts';
export * from './insurance.schemas.ts';
export type { InsuranceTables } from './insurance.tables.ts';
export { listCoverages } from './list-coverages.ts';
export { listPayers } from './list-payers.ts';
export { DEMO_PAYERS, seedDemoInsurance } from './seed-payers.ts';
export { updateCoverage } from './update-coverage.ts';
export { mergeCoverages } from './merge-coverages.ts';
