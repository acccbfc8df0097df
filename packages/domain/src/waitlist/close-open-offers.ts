/** Withdraw an entry's open offer (booked by hand, removed) and pass its slot on. */
import { enqueueJob } from '../jobs/index.ts';
import type { Ctx } from '../shared/context.ts';
import { SLOT_FREED_QUEUE } from './waitlist-queues.ts';

export async function withdrawOpenOffers(tx: Ctx, entryId: string): Promise<void> {
  const withdrawn = await tx.db
    .updateTable('waitlist_offers')
    .set({ status: 'withdrawn', closed_at: tx.clock.now() })
    .where('entry_id', '=', entryId)
    .where('status', '=', 'open')
    .returning(['id', 'source_appointment_id'])
    .execute();
  for (const o of withdrawn) {
    await enqueueJob(
      tx.db,
      SLOT_FREED_QUEUE,
      { organizationId: tx.organizationId, appointmentId: o.source_appointment_id },
      { dedupeKey: `slot-freed:${o.source_appointment_id}:after:${o.id}`, runAt: tx.clock.now() },
    );
  }
}
