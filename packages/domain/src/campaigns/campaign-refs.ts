import { openRecallsMatching, type RecallType, type SelectedRecall } from '../followups/index.ts';
import { getTemplate } from '../letters/index.ts';
import { locationsByIds, providersByIds } from '../organizations/index.ts';
import type { Ctx } from '../shared/context.ts';
import { AppError, invalid } from '../shared/errors.ts';

/** The provider, location and letter template must be the practice's own (the template active): 400 naming the field. */
export async function checkCampaignRefs(
  tx: Ctx,
  ids: { providerId?: string | null | undefined; locationId?: string | null | undefined; letterTemplateId?: string | null | undefined },
): Promise<void> {
  if (ids.providerId && (await providersByIds(tx, [ids.providerId])).length === 0)
    throw invalid('providerId', 'Choose a provider of the practice.');
  if (ids.locationId && (await locationsByIds(tx, [ids.locationId])).length === 0)
    throw invalid('locationId', 'Choose a location of the practice.');
  if (ids.letterTemplateId) {
    const template = await getTemplate(tx, ids.letterTemplateId).catch((err: unknown) => {
      if (err instanceof AppError && err.code === 'NOT_FOUND') return null;
      throw err;
    });
    if (!template) throw invalid('letterTemplateId', 'Choose a letter template of the practice.');
    if (!template.active) throw invalid('letterTemplateId', 'That letter template is no longer in use.');
  }
}

/** Recalls already in a campaign that was not stopped: never enrolled twice. */
async function recallsInOpenCampaigns(tx: Ctx): Promise<string[]> {
  const rows = await tx.db
    .selectFrom('recall_campaign_members')
    .select('recall_id')
    .where('organization_id', '=', tx.organizationId)
    .where('open', '=', true)
    .execute();
  return rows.map((r) => r.recall_id);
}

/** The open recalls a selection matches now, not in another open campaign, at most `limit`. */
export async function matchingRecalls(
  tx: Ctx,
  s: { recallTypes: readonly RecallType[]; dueOnOrBefore: string; providerId?: string | null | undefined },
  limit: number,
): Promise<SelectedRecall[]> {
  return openRecallsMatching(
    tx,
    {
      recallTypes: s.recallTypes,
      dueOnOrBefore: s.dueOnOrBefore,
      providerId: s.providerId ?? null,
      excludeIds: await recallsInOpenCampaigns(tx),
    },
    limit,
  );
}
