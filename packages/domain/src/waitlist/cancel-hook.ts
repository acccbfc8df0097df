/** A cancellation frees a slot: queue its offer to the waitlist in the cancelling transaction. */
import { enqueueJob } from '../jobs/index.ts';
import type { CancelledAppointment } from '../scheduling/index.ts';
import type { Ctx } from '../shared/context.ts';
import { SLOT_FREED_QUEUE } from './waitlist-queues.ts';

export async function queueFreedSlotOffer(tx: Ctx, appointment: CancelledAppointment): Promise<void> {
  if (appointment.startsAt <= tx.clock.now()) return;
  await enqueueJob(
    tx.db,
    SLOT_FREED_QUEUE,
    { organizationId: tx.organizationId, appointmentId: appointment.id },
    { dedupeKey: `slot-freed:${appointment.id}`, runAt: tx.clock.now() },
  );
}
