/**
 * After a cancellation: the waiting patients who could take the freed time (same type, the
 * date in their window, the provider and location among their wishes), each bookable into
 * it at once through the waiting list's own "book from the list" (POST /api/waitlist/{id}/book).
 * The practice also emails the first of them an offer by itself, which holds the time for them.
 */
import { Alert, Button, Loader, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.ts';
import { useSubmit } from '../../api/use-submit.ts';
import { flowKeys } from '../flow/query-keys.ts';
import { waitlistKeys } from '../waitlist/query-keys.ts';
import { scheduleKeys } from './query-keys.ts';
import type { Appointment, LocationClock } from './schedule-api.ts';
import { clockDateTime, toWall, wallDay } from './zoned-time.ts';

export function WaitlistOffer(props: { freed: Appointment; clock: LocationClock; onBooked(patientName: string): void }) {
  const { freed, clock } = props;
  const typeId = freed.appointmentTypeId ?? '';
  const day = wallDay(toWall(freed.start, clock.zone));
  const entries = useQuery({
    queryKey: scheduleKeys.waitlistMatches(typeId),
    enabled: typeId !== '',
    queryFn: () => unwrap(api.GET('/api/waitlist', { params: { query: { status: 'waiting', appointmentTypeId: typeId, limit: 100 } } })),
    select: (d) =>
      d.items.filter(
        (e) =>
          !e.hidden &&
          e.patientId !== freed.patientId &&
          e.earliestDate <= day &&
          e.latestDate >= day &&
          (e.providerIds.length === 0 || e.providerIds.includes(freed.providerId)) &&
          (e.locationIds.length === 0 || e.locationIds.includes(freed.locationId)),
      ),
  });
  const booking = useSubmit(
    (entryId: string, _name: string) =>
      api.POST('/api/waitlist/{id}/book', {
        params: { path: { id: entryId } },
        body: { providerId: freed.providerId, locationId: freed.locationId, start: freed.start },
      }),
    {
      invalidate: [
        waitlistKeys.entryLists(),
        waitlistKeys.reports(),
        scheduleKeys.appointmentLists(),
        scheduleKeys.availabilitySearches(),
        flowKeys.boards(),
      ],
      onSuccess: (_data, _id, name) => props.onBooked(name),
      onProblem: (p) => (p.code === 'SLOT_TAKEN' ? 'The time was just taken, or is held for a patient offered it by email.' : p.detail),
    },
  );
  const when = clockDateTime(freed.start, clock.zone, clock.hour12);
  return (
    <Stack gap="xs" data-testid="waitlist-offer">
      <Text size="sm">
        Waiting for {freed.appointmentTypeName} on {when}. The first patient who can be emailed is offered the time automatically.
      </Text>
      {entries.isPending && typeId !== '' && <Loader size="sm" aria-label="Loading the waiting list" />}
      {entries.isError && <Alert color="red">{entries.error.message}</Alert>}
      {booking.error && (
        <Alert color="red" role="alert">
          {booking.error}
        </Alert>
      )}
      {entries.data?.length === 0 && <Text c="dimmed">Nobody on the waiting list can take this time.</Text>}
      {entries.data && entries.data.length > 0 && (
        <Table aria-label="Waiting patients for this time">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Patient</Table.Th>
              <Table.Th>Window</Table.Th>
              <Table.Th>Priority</Table.Th>
              <Table.Th>
                <span className="visually-hidden">Book</span>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {entries.data.map((e) => (
              <Table.Tr key={e.id}>
                <Table.Td>{e.patientName}</Table.Td>
                <Table.Td>
                  {e.earliestDate} to {e.latestDate}
                </Table.Td>
                <Table.Td>{e.priority}</Table.Td>
                <Table.Td>
                  <Button
                    size="compact-sm"
                    loading={booking.busy}
                    aria-label={`Book ${e.patientName} into ${when}`}
                    onClick={() => void booking.submit(e.id, e.patientName)}
                  >
                    Book into this time
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
