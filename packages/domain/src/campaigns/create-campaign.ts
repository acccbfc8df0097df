import { recordAudit } from '../audit/index.ts';
import { actorUserId, type Ctx, inTransaction } from '../shared/context.ts';
import { checkCampaignRefs, matchingRecalls } from './campaign-refs.ts';
import { loadCampaign } from './campaign-row.ts';
import { requireCampaignScope } from './campaign-scope.ts';
import { type Campaign, type CampaignInput, type CampaignPreview, type CampaignPreviewInput, ENROLMENT_CAP } from './campaigns.schemas.ts';

/**
 * Draft a recall campaign: its selection (recall types, due on or before a date, optionally one
 * provider's) and its stages (days after the start: email, text, letter; 0/7/14 unless given),
 * editable until it starts. Nothing is enrolled yet: starting enrols (update-campaign.ts).
 */
export async function createCampaign(ctx: Ctx, input: CampaignInput): Promise<Campaign> {
  return inTransaction(ctx, async (tx) => {
    const locationId = input.locationId !== undefined ? input.locationId : tx.locationId;
    requireCampaignScope(tx, 'campaign:manage', locationId ?? null);
    await checkCampaignRefs(tx, { providerId: input.providerId, locationId, letterTemplateId: input.letterTemplateId });
    const now = tx.clock.now();
    const row = await tx.db
      .insertInto('recall_campaigns')
      .values({
        organization_id: tx.organizationId,
        name: input.name,
        recall_types: [...new Set(input.recallTypes)],
        due_on_or_before: input.dueOnOrBefore,
        location_id: locationId ?? null,
        provider_id: input.providerId ?? null,
        email_after_days: input.emailAfterDays,
        sms_after_days: input.smsAfterDays,
        letter_after_days: input.letterAfterDays,
        letter_template_id: input.letterTemplateId ?? null,
        created_by: actorUserId(tx),
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(tx, {
      action: 'create',
      resourceType: 'recall_campaign',
      resourceId: row.id,
      details: { recallTypes: [...new Set(input.recallTypes)], dueOnOrBefore: input.dueOnOrBefore },
    });
    return loadCampaign(tx, row.id);
  });
}

/** How many recalls a selection would enrol now (counts only: no patient is named). */
export async function previewCampaign(ctx: Ctx, input: CampaignPreviewInput): Promise<CampaignPreview> {
  return inTransaction(ctx, async (tx) => {
    requireCampaignScope(tx, 'campaign:manage', tx.locationId);
    await checkCampaignRefs(tx, { providerId: input.providerId });
    const found = await matchingRecalls(tx, input, ENROLMENT_CAP + 1);
    return { matching: found.length, wouldEnroll: Math.min(found.length, ENROLMENT_CAP), enrolmentCap: ENROLMENT_CAP };
  });
}
