import { requirePatientAccess } from '../access/index.ts';
import { requirePermission } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { type Ctx, inTransaction } from '../shared/context.ts';
import { withdrawOpenOffers } from './close-open-offers.ts';
import { lockEntry } from './lock-entry.ts';

/** Take a patient off the list (kept as removed for the report); a slot held for them passes on. */
export async function removeWaitlistEntry(ctx: Ctx, id: string): Promise<void> {
  requirePermission(ctx, 'appointment:write');
  await inTransaction(ctx, async (tx) => {
    const current = await lockEntry(tx, id);
    const access = await requirePatientAccess(tx, current.patient_id, 'appointment:write');
    if (current.status !== 'waiting') return;
    await withdrawOpenOffers(tx, id);
    await tx.db
      .updateTable('waitlist_entries')
      .set({ status: 'removed', version: current.version + 1, updated_at: tx.clock.now() })
      .where('id', '=', id)
      .execute();
    await recordAudit(tx, { action: 'delete', resourceType: 'waitlist_entry', resourceId: id, access });
  });
}
