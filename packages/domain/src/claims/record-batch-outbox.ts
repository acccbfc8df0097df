import type { Ctx } from '../shared/context.ts';

/**
 * After commit, the server writes a batch's 837P to the outbox folder and records here where,
 * or why it could not (the batch shows it; the download works either way).
 */
export async function recordBatchOutbox(ctx: Ctx, batchId: string, result: { path: string } | { error: string }): Promise<void> {
  await ctx.db
    .updateTable('claim_batches')
    .set(
      'path' in result
        ? { outbox_path: result.path, outbox_error: null, outbox_written_at: ctx.clock.now() }
        : { outbox_error: result.error.slice(0, 500) },
    )
    .where('id', '=', batchId)
    .where('organization_id', '=', ctx.organizationId)
    .execute();
}
