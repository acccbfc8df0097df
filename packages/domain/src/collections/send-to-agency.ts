import { requirePermission, todayAt } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { type Ctx, inTransaction } from '../shared/context.ts';
import { ensureCollectionAccount, requireGuarantor } from './guarantor-access.ts';

/**
 * Marks guarantors' accounts as sent to the outside collection agency today (at most 100 at
 * once; one already there keeps its first date). Each is a disclosure, audited with the
 * guarantor's record. Any key the caller may not open answers 404 and nothing changes.
 */
export async function sendToAgency(ctx: Ctx, keys: readonly string[]) {
  requirePermission(ctx, 'collections:manage');
  return inTransaction(ctx, async (tx) => {
    const sentOn = await todayAt(tx, tx.locationId);
    const unique = [...new Set(keys)];
    const items: { guarantorKey: string; agencyStatus: 'none' | 'sent' | 'returned'; agencySentOn: string | null }[] = [];
    for (const key of unique) {
      const { access } = await requireGuarantor(tx, key, 'collections:manage');
      await ensureCollectionAccount(tx, key);
      const row = await tx.db
        .updateTable('collection_accounts')
        .set((eb) => ({
          agency_status: 'sent',
          agency_sent_on: eb.fn.coalesce(eb.case().when('agency_status', '=', 'sent').then(eb.ref('agency_sent_on')).end(), eb.val(sentOn)),
          agency_returned_on: null,
          updated_at: tx.clock.now(),
        }))
        .where('organization_id', '=', tx.organizationId)
        .where('guarantor_key', '=', key)
        .returning(['agency_status', 'agency_sent_on'])
        .executeTakeFirstOrThrow();
      await recordAudit(tx, {
        action: 'disclose',
        resourceType: 'collection_agency',
        resourceId: key,
        access,
        details: { guarantorKey: key, sentOn: row.agency_sent_on ?? sentOn },
      });
      items.push({ guarantorKey: key, agencyStatus: row.agency_status, agencySentOn: row.agency_sent_on });
    }
    return { sentOn, items };
  });
}
