import { recordAudit } from '../audit/index.ts';
import { type Ctx, inTransaction } from '../shared/context.ts';
import { requireFeedOwner } from './ical-token.ts';

/** End a provider's calendar feed: its URL answers 404 from now on. Idempotent. */
export async function revokeIcalToken(ctx: Ctx, providerId: string): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    await requireFeedOwner(tx, providerId);
    const ended = await tx.db
      .updateTable('provider_ical_tokens')
      .set({ revoked_at: tx.clock.now() })
      .where('organization_id', '=', tx.organizationId)
      .where('provider_id', '=', providerId)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    if (Number(ended.numUpdatedRows) > 0) await recordAudit(tx, { action: 'delete', resourceType: 'ical_feed', resourceId: providerId });
  });
}
