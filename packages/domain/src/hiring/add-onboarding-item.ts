import { recordAudit } from '../audit/index.ts';
import { requirePermission } from '../access/index.ts';
import { type Ctx, inTransaction } from '../shared/context.ts';
import { AppError } from '../shared/errors.ts';
import type { Onboarding } from './hiring.schemas.ts';
import { loadOnboarding, loadOnboardingRow } from './onboarding-row.ts';

/** Add a step of the practice's own to one onboarding's checklist (at the end; the same label twice: 409 naming `label`). */
export async function addOnboardingItem(ctx: Ctx, onboardingId: string, label: string): Promise<Onboarding> {
  requirePermission(ctx, 'hiring:manage');
  return inTransaction(ctx, async (tx) => {
    await loadOnboardingRow(tx, onboardingId, 'hiring:manage', { forUpdate: true });
    const last = await tx.db
      .selectFrom('hiring_onboarding_items')
      .select((eb) => eb.fn.max<number>('position').as('n'))
      .where('onboarding_id', '=', onboardingId)
      .executeTakeFirst();
    const row = await tx.db
      .insertInto('hiring_onboarding_items')
      .values({
        organization_id: tx.organizationId,
        onboarding_id: onboardingId,
        label,
        position: (last?.n ?? -1) + 1,
        created_at: tx.clock.now(),
      })
      .onConflict((oc) => oc.columns(['onboarding_id', 'label']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!row)
      throw new AppError('ALREADY_EXISTS', 'the checklist has this item', {
        errors: [{ path: 'label', message: 'This checklist already has an item with this name.' }],
      });
    await recordAudit(tx, { action: 'create', resourceType: 'onboarding_item', resourceId: row.id, details: { label } });
    return loadOnboarding(tx, onboardingId, 'hiring:manage');
  });
}
