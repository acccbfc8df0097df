import { requirePermission } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { type Ctx, inTransaction } from '../shared/context.ts';
import { AppError } from '../shared/errors.ts';

/** Remove a weekly block. To end one from a date on, set its effectiveTo instead. */
export async function deleteAvailabilityTemplate(ctx: Ctx, id: string): Promise<void> {
  requirePermission(ctx, 'schedule:manage');
  await inTransaction(ctx, async (tx) => {
    const row = await tx.db
      .deleteFrom('availability_templates')
      .where('id', '=', id)
      .where('organization_id', '=', tx.organizationId)
      .returning(['id', 'provider_id'])
      .executeTakeFirst();
    if (!row) throw new AppError('NOT_FOUND', 'template not found');
    await recordAudit(tx, {
      action: 'delete',
      resourceType: 'availability_template',
      resourceId: id,
      details: { providerId: row.provider_id },
    });
  });
}
