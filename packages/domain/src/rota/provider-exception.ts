import { createAvailabilityException } from '../scheduling/index.ts';
import type { Ctx } from '../shared/context.ts';

/**
 * A provider's approved time off as scheduling's availability exception (every location, the
 * whole days): their availability search answers no slots then, and the answer lists the booked
 * visits it falls on for the desk to move. Through scheduling's own use case (schedule:manage).
 */
export async function providerTimeOffException(tx: Ctx, t: { provider_id: string; start_date: string; end_date: string; reason: string }) {
  return createAvailabilityException(tx, {
    providerId: t.provider_id,
    locationId: null,
    kind: 'time_off',
    startDate: t.start_date,
    endDate: t.end_date,
    startTime: null,
    endTime: null,
    reason: t.reason ? `Time off: ${t.reason}`.slice(0, 200) : 'Time off',
  });
}
