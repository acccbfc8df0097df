/**
 * The reaction to scheduling's `appointment.booking`: a provider holding a licence for the
 * location's state cannot be booked there for a day after every such licence has expired
 * (409 PROVIDER_NOT_CREDENTIALED naming the licence that lapsed last). A provider with no
 * licence recorded for that state is not refused: the practice may not track licences yet.
 * Renewing (or recording a new licence) lifts the refusal at once.
 */
import { locationsByIds } from '../organizations/index.ts';
import type { AppointmentBooking } from '../scheduling/index.ts';
import type { Ctx } from '../shared/context.ts';
import { AppError } from '../shared/errors.ts';

export async function refuseUncredentialedProvider(tx: Ctx, b: AppointmentBooking): Promise<undefined> {
  const licences = await tx.db
    .selectFrom('credentials')
    .select(['id', 'number', 'state', 'expires_on'])
    .where('organization_id', '=', tx.organizationId)
    .where('provider_id', '=', b.providerId)
    .where('kind', '=', 'license')
    .execute();
  if (licences.length === 0) return undefined;
  const [location] = await locationsByIds(tx, [b.locationId]);
  const state = location?.state;
  if (!state) return undefined;
  const inState = licences.filter((l) => l.state === state).sort((x, y) => (x.expires_on < y.expires_on ? 1 : -1));
  const latest = inState[0];
  if (!latest || latest.expires_on >= b.localDate) return undefined;
  throw new AppError('PROVIDER_NOT_CREDENTIALED', `the provider's ${state} licence ${latest.number} expired on ${latest.expires_on}`, {
    extra: { credential: { id: latest.id, kind: 'license', number: latest.number, state, expiresOn: latest.expires_on } },
  });
}
