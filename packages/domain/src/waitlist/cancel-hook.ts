/** A cancellation frees a slot: queue its offer to the waitlist in the cancelling transaction. */
import { enqueueJob } from '../jobs/index.ts';
import { registerAppointmentCancelHook } from '../scheduling/index.ts';
import { SLOT_FREED_QUEUE } from './waitlist-queues.ts';

registerAppointmentCancelHook({
  name: 'waitlist',
  async run(tx, appointment) {
    if (appointment.startsAt <= tx.clock.now()) return;
    await enqueueJob(
      tx.db,
      SLOT_FREED_QUEUE,
      { organizationId: tx.organizationId, appointmentId: appointment.id },
      { dedupeKey: `slot-freed:${appointment.id}`, runAt: tx.clock.now() },
    );
  },
});
