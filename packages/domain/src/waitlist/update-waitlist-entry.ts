import { requirePatientAccess } from '../access/index.ts';
import { requirePermission } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { type Ctx, inTransaction } from '../shared/context.ts';
import { AppError, invalid } from '../shared/errors.ts';
import { checkOwnIds } from './create-waitlist-entry.ts';
import { loadEntry } from './entry-row.ts';
import { lockEntry } from './lock-entry.ts';
import type { WaitlistEntry, WaitlistEntryPatch } from './waitlist.schemas.ts';

/** Change the wishes, window or priority of a waiting entry. */
export async function updateWaitlistEntry(ctx: Ctx, id: string, patch: WaitlistEntryPatch): Promise<WaitlistEntry> {
  requirePermission(ctx, 'appointment:write');
  return inTransaction(ctx, async (tx) => {
    const current = await lockEntry(tx, id);
    const access = await requirePatientAccess(tx, current.patient_id, 'appointment:write');
    if (current.status !== 'waiting') throw new AppError('CONFLICT', `the entry is ${current.status}`);
    const earliest = patch.earliestDate ?? current.earliest_date;
    const latest = patch.latestDate ?? current.latest_date;
    if (earliest > latest) throw invalid('latestDate', 'must not be before earliestDate');
    await checkOwnIds(tx, patch.providerIds, patch.locationIds);
    await tx.db
      .updateTable('waitlist_entries')
      .set({
        ...(patch.providerIds && { provider_ids: patch.providerIds }),
        ...(patch.locationIds && { location_ids: patch.locationIds }),
        earliest_date: earliest,
        latest_date: latest,
        ...(patch.priority !== undefined && { priority: patch.priority }),
        ...(patch.notes !== undefined && { notes: patch.notes }),
        version: current.version + 1,
        updated_at: tx.clock.now(),
      })
      .where('id', '=', id)
      .execute();
    await recordAudit(tx, {
      action: 'update',
      resourceType: 'waitlist_entry',
      resourceId: id,
      access,
      details: { fields: Object.keys(patch) },
    });
    return loadEntry(tx, id);
  });
}
