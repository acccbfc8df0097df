/** Eligibility: 270 inquiries for a coverage, 271 answers matched to them, the latest answer per coverage. */

export * from './eligibility.schemas.ts';
export type { EligibilityTables } from './eligibility.tables.ts';
export { createEligibilityRequest } from './create-eligibility-request.ts';
export { importEligibilityResponse } from './import-eligibility-response.ts';
export { getCoverageEligibility } from './get-coverage-eligibility.ts';
export { type EligibilitySummary, summarize271 } from './summarize-271.ts';
export { latestCopays } from './latest-copays.ts';
