/**
 * Uploading a new 837P batch to the clearinghouse's SFTP server (when the installation has one:
 * CLAIMS_SFTP_*), as an outbox job queued with the batch. The job runner retries a failed upload
 * with backoff; each failure is shown on the batch (`upload_error`), and when the attempts run
 * out the batch is `failed` (the outbox folder and the download still have the file).
 */
import { enqueueJob, type JobHandler } from '../jobs/index.ts';
import type { Ctx } from '../shared/context.ts';
import { SftpClearinghouse } from '../shared/outside/sftp-clearinghouse.ts';

export const UPLOAD_BATCH_QUEUE = 'claims.upload-batch';
const ATTEMPTS = 8;

export async function enqueueBatchUpload(tx: Ctx, batchId: string): Promise<void> {
  await enqueueJob(
    tx.db,
    UPLOAD_BATCH_QUEUE,
    { organizationId: tx.organizationId, batchId },
    { dedupeKey: batchId, maxAttempts: ATTEMPTS },
  );
}

/** The name the clearinghouse gets: the ISA13 control number first, then the batch id (unique, sortable). */
export const uploadName = (interchange: number, batchId: string) => `837P-${String(interchange).padStart(9, '0')}-${batchId}.x12`;

export const handleUploadBatchJob: JobHandler = Object.assign(
  async ({ db, clock, installation, job }: Parameters<JobHandler>[0]) => {
    const { organizationId, batchId } = job.payload as { organizationId: string; batchId: string };
    const batch = await db
      .selectFrom('claim_batches')
      .select(['x12', 'interchange_control_number', 'upload_state'])
      .where('id', '=', batchId)
      .where('organization_id', '=', organizationId)
      .executeTakeFirst();
    if (!batch || batch.upload_state === 'uploaded') return;
    const sftp = installation.claimsSftp;
    if (!sftp) throw new Error('no clearinghouse SFTP server is configured (CLAIMS_SFTP_URL)');
    const { remoteName } = await new SftpClearinghouse(sftp).submit({
      name: uploadName(Number(batch.interchange_control_number), batchId),
      bytes: Buffer.from(batch.x12, 'utf8'),
    });
    await db
      .updateTable('claim_batches')
      .set({ upload_state: 'uploaded', uploaded_at: clock.now(), upload_remote_name: remoteName, upload_error: null })
      .where('id', '=', batchId)
      .where('organization_id', '=', organizationId)
      .execute();
  },
  {
    onFailure: async ({ db, job }: Parameters<JobHandler>[0], error: unknown, dead: boolean) => {
      const { organizationId, batchId } = job.payload as { organizationId: string; batchId: string };
      const message = `attempt ${job.attempts} of ${job.maxAttempts}: ${(error as Error)?.message ?? String(error)}`.slice(0, 500);
      await db
        .updateTable('claim_batches')
        .set({ upload_error: message, ...(dead ? { upload_state: 'failed' as const } : {}) })
        .where('id', '=', batchId)
        .where('organization_id', '=', organizationId)
        .where('upload_state', '<>', 'uploaded')
        .execute();
    },
  },
);
