import { recordAudit } from '../audit/index.ts';
import { actorUserId, type Ctx, inTransaction } from '../shared/context.ts';
import { hashIcalToken, newIcalToken, requireFeedOwner } from './ical-token.ts';

/**
 * Give a provider a new secret calendar-feed token (schedule:manage, or the clinician
 * themself). Any earlier token of the provider stops working. The token is returned
 * once and only its hash is kept. `showsPatientNames`: what the practice's setting makes the
 * feed show now, so the screen can say it truthfully.
 */
export async function createIcalToken(
  ctx: Ctx,
  providerId: string,
): Promise<{ token: string; createdAt: string; showsPatientNames: boolean }> {
  return inTransaction(ctx, async (tx) => {
    await requireFeedOwner(tx, providerId);
    const now = tx.clock.now();
    await tx.db
      .updateTable('provider_ical_tokens')
      .set({ revoked_at: now })
      .where('organization_id', '=', tx.organizationId)
      .where('provider_id', '=', providerId)
      .where('revoked_at', 'is', null)
      .execute();
    const token = newIcalToken();
    await tx.db
      .insertInto('provider_ical_tokens')
      .values({
        organization_id: tx.organizationId,
        provider_id: providerId,
        token_hash: hashIcalToken(token),
        created_by: actorUserId(tx),
        created_at: now,
      })
      .execute();
    await recordAudit(tx, { action: 'create', resourceType: 'ical_feed', resourceId: providerId });
    const settings = await tx.db
      .selectFrom('organization_schedule_settings')
      .select('ical_show_patient_names')
      .where('organization_id', '=', tx.organizationId)
      .executeTakeFirst();
    return { token, createdAt: now.toISOString(), showsPatientNames: settings?.ical_show_patient_names ?? false };
  });
}
