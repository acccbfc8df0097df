/** Home-page tile: waiting-list offers out now (a freed slot held for a patient until the offer expires). */
import { List, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.ts';
import { Tile } from '../../app/Tile.tsx';
import { useLocationClocks } from '../schedule/schedule-api.ts';
import { clockDateTime } from '../schedule/zoned-time.ts';
import { waitlistKeys } from './query-keys.ts';

export function OpenOffersTile() {
  const waiting = useQuery({
    queryKey: waitlistKeys.entryList('waiting'),
    queryFn: () => unwrap(api.GET('/api/waitlist', { params: { query: { status: 'waiting', limit: 200 } } })),
  });
  const clocks = useLocationClocks();
  const offers = (waiting.data?.items ?? []).filter((e) => e.openOffer !== null);
  return (
    <Tile
      title="Waiting-list offers out"
      testId="tile-offers"
      count={waiting.data ? offers.length : undefined}
      loading={waiting.isPending}
      error={waiting.isError ? waiting.error.message : null}
      empty={`No offer is waiting for an answer (${waiting.data?.items.length ?? 0} on the waiting list).`}
      link={{ to: '/waitlist', label: 'Open the waiting list' }}
    >
      {offers.length > 0 && (
        <List size="sm" spacing={4} aria-label="Offers waiting for an answer">
          {offers.slice(0, 6).map((e) => {
            const o = e.openOffer;
            const c = (o && clocks.get(o.locationId)) ?? { zone: 'UTC', hour12: false };
            return (
              <List.Item key={e.id}>
                <Text span size="sm">
                  {e.patientName}: {e.appointmentTypeName}
                  {o ? `, ${clockDateTime(o.start, c.zone, c.hour12)}, held until ${clockDateTime(o.expiresAt, c.zone, c.hour12)}` : ''}
                </Text>
              </List.Item>
            );
          })}
        </List>
      )}
    </Tile>
  );
}
