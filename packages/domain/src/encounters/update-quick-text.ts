import { requirePermission } from '../access/index.ts';
import { diffFields, recordAudit } from '../audit/index.ts';
import { type Ctx, inTransaction } from '../shared/context.ts';
import { AppError, isUniqueViolation } from '../shared/errors.ts';
import { abbreviationTaken } from './create-quick-text.ts';
import type { QuickText, QuickTextPatch } from './encounters.schemas.ts';
import { toQuickText } from './template-rows.ts';

/** Edit a quick text (or retire it: `active: false`); `expectedVersion` comes from If-Match. */
export async function updateQuickText(ctx: Ctx, id: string, patch: QuickTextPatch, expectedVersion: number): Promise<QuickText> {
  requirePermission(ctx, 'template:manage');
  return inTransaction(ctx, async (tx) => {
    const current = await tx.db
      .selectFrom('quick_texts')
      .selectAll()
      .where('id', '=', id)
      .where('organization_id', '=', tx.organizationId)
      .forUpdate()
      .executeTakeFirst();
    if (!current) throw new AppError('NOT_FOUND', 'quick text not found');
    if (current.version !== expectedVersion) {
      throw new AppError('VERSION_MISMATCH', `the quick text is at version ${current.version}`, {
        extra: { current: toQuickText(current) },
      });
    }
    const row = await tx.db
      .updateTable('quick_texts')
      .set({ ...patch, version: current.version + 1, updated_at: tx.clock.now() })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    const { version: _b, ...before } = toQuickText(current);
    const { version: _a, ...after } = toQuickText(row);
    await recordAudit(tx, { action: 'update', resourceType: 'quick_text', resourceId: id, changes: diffFields(before, after) });
    return toQuickText(row);
  }).catch((e: unknown) => {
    throw isUniqueViolation(e) ? abbreviationTaken() : e;
  });
}
