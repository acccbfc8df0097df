/** Claims: built from approved charges, scrubbed, moved through their states (the timeline), batched as 837P. */

export * from './claims.schemas.ts';
export type { ClaimsTables } from './claims.tables.ts';
export { CLAIM_STATUSES, CLAIM_TRANSITIONS, type ClaimStatus, canTransition } from './claim-states.ts';
export { SCRUB_RULES, type ScrubRule, runScrubRules } from './scrub-rules.ts';
export { createClaim } from './create-claim.ts';
export { getClaim } from './get-claim.ts';
export { printCms1500 } from './print-cms1500.ts';
export { type ClaimAdjudication, type ClaimLineAdjudication, getClaimAdjudication } from './get-claim-adjudication.ts';
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
export * from './remittance.schemas.ts';
export { importAcknowledgement } from './import-acknowledgement.ts';
export { importRemittance } from './import-remittance.ts';
export { listRemittances } from './list-remittances.ts';
export { getRemittance } from './get-remittance.ts';
export { listUnmatchedRemittances } from './list-unmatched-remittances.ts';
export { resolveUnmatchedRemittance } from './resolve-unmatched-remittance.ts';
export { listDenials } from './list-denials.ts';
export {
  ADJUSTMENT_REASON_CODES,
  adjustmentReasonText,
  builtInReasonText,
  REASON_CODE_SETS,
  type ReasonCodeSet,
} from './adjustment-reasons.ts';
export * from './adjustment-reasons.schemas.ts';
export { type ReasonTexts, reasonTexts } from './reason-texts.ts';
export { parseReasonCsv, REASON_CSV_MAX_ROWS } from './reason-texts-csv.ts';
export { importAdjustmentReasons } from './import-adjustment-reasons.ts';
export { listAdjustmentReasons } from './list-adjustment-reasons.ts';
export { clearAdjustmentReasons } from './clear-adjustment-reasons.ts';
export { type RemittancePostedClaim, type RemittancePostedPayload, remittancePosted } from './remittance-posted.ts';
export { replaceClaim, REPLACEABLE } from './replace-claim.ts';
export { voidClaim, VOIDABLE } from './void-claim.ts';
export { writeOffClaim } from './write-off-claim.ts';
export { type ClaimWrittenOffPayload, claimWrittenOff } from './claim-written-off.ts';
export { printAppealLetter } from './print-appeal-letter.ts';
export { type ClaimsSubmittedPayload, claimsSubmitted, type SubmittedClaim } from './claims-submitted.ts';
export { type DenialRate, denialRate } from './denial-rate.ts';
