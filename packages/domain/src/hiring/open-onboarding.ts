import { recordAudit } from '../audit/index.ts';
import type { Ctx } from '../shared/context.ts';

/** The practice's own steps every onboarding starts with; each onboarding's list is edited on its own. */
export const DEFAULT_ONBOARDING_ITEMS = [
  'I-9 employment eligibility verified',
  'W-4 and state tax forms received',
  'Payroll and direct deposit set up',
  'Confidentiality agreement signed',
  'Badge issued',
  'Keys issued',
] as const;

/** Hiring an applicant opens their onboarding with the default checklist (inside the hire's transaction). */
export async function openOnboarding(tx: Ctx, applicantId: string, positionId: string): Promise<string> {
  const now = tx.clock.now();
  const row = await tx.db
    .insertInto('hiring_onboardings')
    .values({ organization_id: tx.organizationId, applicant_id: applicantId, position_id: positionId, created_at: now, updated_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  await tx.db
    .insertInto('hiring_onboarding_items')
    .values(
      DEFAULT_ONBOARDING_ITEMS.map((label, position) => ({
        organization_id: tx.organizationId,
        onboarding_id: row.id,
        label,
        position,
        created_at: now,
      })),
    )
    .execute();
  await recordAudit(tx, {
    action: 'create',
    resourceType: 'onboarding',
    resourceId: row.id,
    details: { applicantId, items: DEFAULT_ONBOARDING_ITEMS.length },
  });
  return row.id;
}
