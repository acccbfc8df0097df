import { defineModule } from '../module-manifest.ts';
import { claimsAuditEvents } from './claims.audit.ts';
import { seedClaimsDemo } from './seed-claims-demo.ts';
import { handleUploadBatchJob, UPLOAD_BATCH_QUEUE } from './upload-batch-job.ts';

/**
 * Claims: one per encounter and coverage built from approved charges, the scrubber, the state
 * timeline, and 837P batches with control numbers kept per organization. Listed after billing
 * and encounters: its demo bills the demo's signed encounters.
 */
export const claimsModule = defineModule({
  name: 'claims',
  tables: [
    'claim_counters',
    'claims',
    'claim_snapshots',
    'claim_lines',
    'claim_events',
    'claim_overrides',
    'claim_batches',
    'claim_write_offs',
    // Acknowledgements and remittances (migration 0165).
    'claim_acknowledgements',
    'remittance_files',
    'remittance_payments',
    'remittance_provider_adjustments',
    'remittance_claims',
    'remittance_lines',
    'remittance_adjustments',
    'remittance_unmatched',
    // Reason texts the office imports (migration 0195).
    'adjustment_reason_texts',
  ],
  jobs: { [UPLOAD_BATCH_QUEUE]: handleUploadBatchJob },
  demo: seedClaimsDemo,
  merge: { 'claims.patient_id': 'move' },
  audit: claimsAuditEvents,
});
