import { requirePermission } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { type Ctx, inTransaction, requireUser } from '../shared/context.ts';
import { AppError } from '../shared/errors.ts';
import type { BreakGlassReview, BreakGlassReviewInput } from './compliance.schemas.ts';

/**
 * A manager's review of a break-glass grant (after reading its reason and the accesses under
 * it in the report). Once reviewed, the user may open the next grant for that record within
 * 24 hours without a renewal reason (open-break-glass.ts). A review is final (one per grant,
 * the table is append-only), nobody reviews their own grant, and it is audited.
 */
export async function reviewBreakGlassGrant(ctx: Ctx, grantId: string, input: BreakGlassReviewInput): Promise<BreakGlassReview> {
  requirePermission(ctx, 'audit:read');
  const user = requireUser(ctx);
  return inTransaction(ctx, async (tx) => {
    const grant = await tx.db
      .selectFrom('break_glass_grants')
      .select(['id', 'user_id'])
      .where('id', '=', grantId)
      .where('organization_id', '=', tx.organizationId)
      .executeTakeFirst();
    if (!grant) throw new AppError('NOT_FOUND', 'break-glass grant not found');
    if (grant.user_id === user.userId) throw new AppError('FORBIDDEN', 'a break-glass grant is reviewed by someone else than its holder');
    const row = await tx.db
      .insertInto('break_glass_reviews')
      .values({
        grant_id: grant.id,
        organization_id: tx.organizationId,
        reviewed_by: user.userId,
        reviewed_at: tx.clock.now(),
        note: input.note ?? null,
      })
      .onConflict((oc) => oc.column('grant_id').doNothing())
      .returning(['grant_id', 'reviewed_by', 'reviewed_at', 'note'])
      .executeTakeFirst();
    if (!row) throw new AppError('CONFLICT', 'this grant is already reviewed');
    await recordAudit(tx, {
      action: 'review',
      resourceType: 'break_glass_grant',
      resourceId: grant.id,
      details: { grantUserId: grant.user_id },
    });
    return { grantId: row.grant_id, reviewedAt: row.reviewed_at.toISOString(), reviewedBy: row.reviewed_by, note: row.note };
  });
}
