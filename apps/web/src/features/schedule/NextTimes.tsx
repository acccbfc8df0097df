/**
 * The next open times for a visit's type, with its provider or any provider at the location:
 * the keyboard way to reschedule or rebook (a list of buttons, not only drag). Uses the same
 * availability search as "Next available".
 */
import { Alert, Button, Checkbox, Loader, SimpleGrid, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { scheduleKeys } from './query-keys.ts';
import type { LocationClock, Slot } from './schedule-api.ts';
import { clockDateTime } from './zoned-time.ts';

const DAY_MS = 86_400_000;

export function NextTimes(props: {
  clock: LocationClock;
  locationId: string;
  appointmentTypeId: string;
  providerId: string;
  /** Every provider at the location (for "any provider"). */
  providerIds: string[];
  providerLabel(id: string): string;
  /** What the buttons do, for their accessible names ("Move to", "Book"). */
  verb: string;
  busy?: boolean;
  onPick(slot: Slot, label: string): void;
}) {
  const [anyProvider, setAnyProvider] = useState(false);
  const [at] = useState(() => Date.now());
  const providerIds = anyProvider ? props.providerIds : [props.providerId];
  const search = { locationId: props.locationId, typeId: props.appointmentTypeId, providerIds, at, purpose: 'next-times' };
  const slots = useQuery({
    queryKey: scheduleKeys.availabilitySearch(search),
    queryFn: () =>
      unwrap(
        api.GET('/api/availability', {
          params: {
            query: {
              appointmentTypeId: props.appointmentTypeId,
              providerId: providerIds,
              locationId: [props.locationId],
              from: new Date(at).toISOString(),
              to: new Date(at + 30 * DAY_MS).toISOString(),
              limit: 12,
            },
          },
        }),
      ),
  });
  return (
    <Stack gap="xs" data-testid="next-times">
      <Checkbox
        label={`Any provider (not only ${props.providerLabel(props.providerId)})`}
        checked={anyProvider}
        onChange={(e) => setAnyProvider(e.currentTarget.checked)}
      />
      {slots.isPending && <Loader size="sm" aria-label="Looking for open times" />}
      {slots.isError && <Alert color="red">{slots.error.message}</Alert>}
      {slots.data?.items.length === 0 && <Text c="dimmed">No open time in the next 30 days.</Text>}
      {slots.data && slots.data.items.length > 0 && (
        <SimpleGrid cols={2} spacing="xs">
          {slots.data.items.map((s) => {
            const label = `${clockDateTime(s.start, props.clock.zone, props.clock.hour12)} · ${props.providerLabel(s.providerId)}`;
            return (
              <div key={`${s.providerId}-${s.start}`}>
                <Button
                  fullWidth
                  variant="light"
                  disabled={props.busy}
                  aria-label={`${props.verb} ${label}`}
                  onClick={() => props.onPick(s, label)}
                >
                  {label}
                </Button>
              </div>
            );
          })}
        </SimpleGrid>
      )}
    </Stack>
  );
}
