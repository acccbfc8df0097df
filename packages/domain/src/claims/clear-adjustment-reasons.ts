import { requirePermission } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { type Ctx, inTransaction } from '../shared/context.ts';
import type { ReasonCodeSet } from './adjustment-reasons.ts';

/** Clears the office's imported reason texts (of one code set, or all): the built-in short texts show again. */
export async function clearAdjustmentReasons(ctx: Ctx, codeSet?: ReasonCodeSet): Promise<{ deleted: number }> {
  requirePermission(ctx, 'claim:settings');
  return inTransaction(ctx, async (tx) => {
    let query = tx.db.deleteFrom('adjustment_reason_texts').where('organization_id', '=', tx.organizationId);
    if (codeSet) query = query.where('code_set', '=', codeSet);
    const result = await query.executeTakeFirst();
    const deleted = Number(result.numDeletedRows);
    await recordAudit(tx, { action: 'delete', resourceType: 'adjustment_reasons', details: { codeSet: codeSet ?? null, deleted } });
    return { deleted };
  });
}
