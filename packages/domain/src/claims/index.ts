/** Claims: built from approved charges, scrubbed, moved through their states (the timeline), batched as 837P. */

export * from './claims.schemas.ts';
export type { ClaimsTables } from './claims.tables.ts';
export { CLAIM_STATUSES, CLAIM_TRANSITIONS, type ClaimStatus, canTransition } from './claim-states.ts';
export { SCRUB_RULES, type ScrubRule, runScrubRules } from './scrub-rules.ts';
export { createClaim } from './create-claim.ts';
export { getClaim } from './get-claim.ts';
export { printCms1500 } from './print-cms1500.ts';
export { listClaims } from './list-claims.ts';
export { listClaimCandidates } from './list-claim-candidates.ts';
export { scrubClaim } from './scrub-claim.ts';
export { overrideWarning } from './override-warning.ts';
export { CLAIMS_SETTINGS, createClaimBatch, takeControlNumbers } from './create-claim-batch.ts';
export { listClaimBatches } from './list-claim-batches.ts';
export { claimBatchX12 } from './claim-batch-x12.ts';
export { recordBatchOutbox } from './record-batch-outbox.ts';
export { handleUploadBatchJob, UPLOAD_BATCH_QUEUE, uploadName } from './upload-batch-job.ts';
export { seedClaimsDemo } from './seed-claims-demo.ts';
