/** How long a waitlist offer holds its slot: organizations.settings.waitlist_offer_minutes (default 30). */
import { sql } from 'kysely';
import { requirePermission } from '../access/index.ts';
import { diffFields, recordAudit } from '../audit/index.ts';
import { type Ctx, type Db, inTransaction } from '../shared/context.ts';
import type { WaitlistSettings } from './waitlist.schemas.ts';

export const DEFAULT_OFFER_MINUTES = 30;

export async function offerMinutes(db: Db, organizationId: string): Promise<number> {
  const org = await db.selectFrom('organizations').select('settings').where('id', '=', organizationId).executeTakeFirstOrThrow();
  const m = Number((org.settings as { waitlist_offer_minutes?: unknown }).waitlist_offer_minutes);
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
    await tx.db
      .updateTable('organizations')
      .set({ settings: sql<string>`settings || ${JSON.stringify({ waitlist_offer_minutes: patch.offerMinutes })}::jsonb` })
      .where('id', '=', tx.organizationId)
      .execute();
    await recordAudit(tx, {
      action: 'update',
      resourceType: 'waitlist_settings',
      resourceId: tx.organizationId,
      changes: diffFields(before, patch),
    });
    return { offerMinutes: patch.offerMinutes };
  });
}
