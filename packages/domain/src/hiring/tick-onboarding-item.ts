import { recordAudit } from '../audit/index.ts';
import { requirePermission } from '../access/index.ts';
import { type Ctx, inTransaction, requireUser } from '../shared/context.ts';
import { notFound } from '../shared/errors.ts';
import type { Onboarding } from './hiring.schemas.ts';
import { loadOnboarding, loadOnboardingRow } from './onboarding-row.ts';

/**
 * Tick (who and when recorded) or untick a step of the practice's own. Ticking a ticked one
 * keeps its first who and when. The system's steps are done by creating the account, not here.
 */
export async function tickOnboardingItem(ctx: Ctx, onboardingId: string, itemId: string, done: boolean): Promise<Onboarding> {
  requirePermission(ctx, 'hiring:manage');
  return inTransaction(ctx, async (tx) => {
    await loadOnboardingRow(tx, onboardingId, 'hiring:manage');
    const item = await tx.db
      .selectFrom('hiring_onboarding_items')
      .select(['id', 'label', 'done_at'])
      .where('organization_id', '=', tx.organizationId)
      .where('onboarding_id', '=', onboardingId)
      .where('id', '=', itemId)
      .forUpdate()
      .executeTakeFirst();
    if (!item) throw notFound('checklist item');
    const { userId } = requireUser(tx);
    if ((item.done_at !== null) !== done) {
      await tx.db
        .updateTable('hiring_onboarding_items')
        .set(done ? { done_at: tx.clock.now(), done_by: userId } : { done_at: null, done_by: null })
        .where('id', '=', itemId)
        .execute();
      await recordAudit(tx, {
        action: 'update',
        resourceType: 'onboarding_item',
        resourceId: itemId,
        details: { label: item.label, done },
      });
    }
    return loadOnboarding(tx, onboardingId, 'hiring:manage');
  });
}
