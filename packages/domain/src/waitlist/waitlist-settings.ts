/**
 * How long a waitlist offer holds its slot: `waitlist_offer_minutes` (default 30), the
 * waitlist's own key in the practice settings, read and merged through the organizations
 * module (which owns the row).
 */
import { requirePermission } from '../access/index.ts';
import { diffFields, recordAudit } from '../audit/index.ts';
import { mergeModuleSettings, readModuleSettings } from '../organizations/index.ts';
import { type Ctx, type Db, inTransaction } from '../shared/context.ts';
import type { WaitlistSettings } from './waitlist.schemas.ts';

export const DEFAULT_OFFER_MINUTES = 30;
const KEY = 'waitlist_offer_minutes';

export async function offerMinutes(db: Db, organizationId: string): Promise<number> {
  const m = Number((await readModuleSettings(db, organizationId, [KEY]))[KEY]);
  return Number.isInteger(m) && m >= 5 ? m : DEFAULT_OFFER_MINUTES;
}

export async function getWaitlistSettings(ctx: Ctx): Promise<WaitlistSettings> {
  requirePermission(ctx, 'settings:manage');
  return { offerMinutes: await offerMinutes(ctx.db, ctx.organizationId) };
}

/** Change the hold time of new offers (open offers keep theirs). */
export async function updateWaitlistSettings(ctx: Ctx, patch: WaitlistSettings): Promise<WaitlistSettings> {
  requirePermission(ctx, 'settings:manage');
  return inTransaction(ctx, async (tx) => {
    const before = { offerMinutes: await offerMinutes(tx.db, tx.organizationId) };
    await mergeModuleSettings(tx.db, tx.organizationId, { [KEY]: patch.offerMinutes });
    await recordAudit(tx, {
      action: 'update',
      resourceType: 'waitlist_settings',
      resourceId: tx.organizationId,
      changes: diffFields(before, patch),
    });
    return { offerMinutes: patch.offerMinutes };
  });
}
