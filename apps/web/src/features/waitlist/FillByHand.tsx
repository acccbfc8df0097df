/**
 * "Fill by hand": open slots for the entry's type, preferred providers and locations inside
 * its date window; one click books the patient (POST /api/waitlist/{id}/book). A slot taken
 * or held meanwhile answers 409 SLOT_TAKEN, and the list is refreshed.
 */
import { Alert, Button, Loader, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { useSubmit } from '../../api/use-submit.ts';
import { flowKeys } from '../flow/query-keys.ts';
import { scheduleKeys } from '../schedule/query-keys.ts';
import { providerName, type Slot, useLocationClocks, useLocations, useProviders } from '../schedule/schedule-api.ts';
import { clockDateTime } from '../schedule/zoned-time.ts';
import { waitlistKeys } from './query-keys.ts';
import type { WaitlistEntry } from './waitlist-api.ts';

const HOUR = 3_600_000;
/** The availability search covers at most 62 days. */
const MAX_RANGE = 62 * 24 * HOUR;

/** The window's instants, widened by a day's worth of time zones; slots are then kept by their location's date. */
function searchRange(entry: WaitlistEntry): { from: Date; to: Date } {
  const from = Math.max(Date.now(), Date.parse(`${entry.earliestDate}T00:00:00Z`) - 14 * HOUR);
  const to = Math.min(from + MAX_RANGE, Date.parse(`${entry.latestDate}T00:00:00Z`) + 38 * HOUR);
  return { from: new Date(from), to: new Date(Math.max(to, from + HOUR)) };
}

const localDate = (instant: string, zone: string) => new Date(instant).toLocaleDateString('en-CA', { timeZone: zone });

export function FillByHand(props: { entry: WaitlistEntry; onBooked(entry: WaitlistEntry): void }) {
  const { entry } = props;
  const providers = useProviders();
  const locations = useLocations();
  /** The slot being booked (its button spins, the others wait). */
  const [booking, setBooking] = useState<string | null>(null);
  const zones = new Map((locations.data?.items ?? []).map((l) => [l.id, l.timeZone]));
  const clocks = useLocationClocks();
  const locationNames = new Map((locations.data?.items ?? []).map((l) => [l.id, l.name]));
  const providerNames = new Map((providers.data ?? []).map((p) => [p.id, providerName(p)]));
  const slots = useQuery({
    queryKey: scheduleKeys.availabilitySearch({ waitlistEntryId: entry.id }),
    // A hidden entry (no type shown) is never offered for filling by hand.
    enabled: locations.data !== undefined && entry.appointmentTypeId !== null,
    queryFn: async () => {
      const { from, to } = searchRange(entry);
      const page = await unwrap(
        api.GET('/api/availability', {
          params: {
            query: {
              appointmentTypeId: entry.appointmentTypeId ?? '',
              providerId: entry.providerIds,
              locationId: entry.locationIds,
              from: from.toISOString(),
              to: to.toISOString(),
              limit: 60,
            },
          },
        }),
      );
      return page.items.filter((s) => {
        const day = localDate(s.start, zones.get(s.locationId) ?? 'UTC');
        return day >= entry.earliestDate && day <= entry.latestDate;
      });
    },
  });

  const booked = useSubmit(
    (slot: Slot) =>
      api.POST('/api/waitlist/{id}/book', {
        params: { path: { id: entry.id } },
        body: { providerId: slot.providerId, locationId: slot.locationId, start: slot.start },
      }),
    {
      // The entry leaves the waiting list for the calendar (and today's board); its time is no longer open.
      invalidate: [
        waitlistKeys.entryLists(),
        waitlistKeys.reports(),
        scheduleKeys.appointmentLists(),
        scheduleKeys.availabilitySearches(),
        flowKeys.boards(),
      ],
      onSuccess: (data) => props.onBooked(data),
      onProblem: (problem) => {
        void slots.refetch();
        return problem.code === 'SLOT_TAKEN' ? 'That time was just taken or is held for someone else. Pick another.' : problem.detail;
      },
    },
  );
  const failure = booked.error;
  const book = async (slot: Slot, key: string) => {
    setBooking(key);
    await booked.submit(slot);
    setBooking(null);
  };

  return (
    <Stack gap="sm">
      <Text size="sm">
        Open {entry.appointmentTypeName} time for {entry.patientName}, {entry.earliestDate} to {entry.latestDate}.
      </Text>
      {failure && (
        <Alert color="red" role="alert">
          {failure}
        </Alert>
      )}
      {slots.isPending && <Loader aria-label="Looking for open time" />}
      {slots.isError && <Alert color="red">{slots.error.message}</Alert>}
      {slots.data?.length === 0 && <Text c="dimmed">No open time in the window. Widen the window or the preferences.</Text>}
      {slots.data && slots.data.length > 0 && (
        <Table.ScrollContainer minWidth={560}>
          <Table aria-label="Open slots" striped data-testid="waitlist-slots">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Time (location's clock)</Table.Th>
                <Table.Th>Provider</Table.Th>
                <Table.Th>Location</Table.Th>
                <Table.Th>
                  <span className="visually-hidden">Book</span>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {slots.data.map((s) => {
                const key = `${s.providerId}-${s.locationId}-${s.start}`;
                const c = clocks.get(s.locationId);
                const time = clockDateTime(s.start, c?.zone ?? 'UTC', c?.hour12 ?? false);
                return (
                  <Table.Tr key={key}>
                    <Table.Td>{time}</Table.Td>
                    <Table.Td>{providerNames.get(s.providerId) ?? ''}</Table.Td>
                    <Table.Td>{locationNames.get(s.locationId) ?? ''}</Table.Td>
                    <Table.Td>
                      <Button
                        size="compact-sm"
                        loading={booking === key}
                        disabled={booking !== null && booking !== key}
                        onClick={() => void book(s, key)}
                        aria-label={`Book ${time} with ${providerNames.get(s.providerId) ?? 'provider'}`}
                      >
                        Book
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
