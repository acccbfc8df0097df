/**
 * The chart's visits: upcoming first (soonest first), then past ones (newest first), with the
 * patient's counts (completed, no-shows, cancellations) and "Book follow-up", which opens the
 * schedule's booking for this patient. Times on each visit's location clock.
 */
import { Badge, Button, Group, Loader, Alert, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { api, unwrap } from '../../api/client.ts';
import { useCan } from '../auth/use-me.ts';
import { scheduleKeys } from './query-keys.ts';
import { type Appointment, providerName, useLocations, useProviders } from './schedule-api.ts';
import { clockDateTime } from './zoned-time.ts';

const STATUS_TEXT: Record<Appointment['status'], string> = {
  scheduled: 'Booked',
  confirmed: 'Confirmed',
  arrived: 'Arrived',
  roomed: 'In a room',
  with_provider: 'With the provider',
  checked_out: 'Seen',
  cancelled: 'Cancelled',
  no_show: 'No-show',
  rescheduled: 'Moved',
};

function VisitsTable(props: { label: string; items: Appointment[] }) {
  const providers = useProviders();
  const locations = useLocations();
  const names = new Map((providers.data ?? []).map((p) => [p.id, providerName(p)]));
  const places = new Map((locations.data?.items ?? []).map((l) => [l.id, l]));
  return (
    <Table striped aria-label={props.label} data-testid={`visits-${props.label.toLowerCase()}`}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>When</Table.Th>
          <Table.Th>Visit</Table.Th>
          <Table.Th>Provider</Table.Th>
          <Table.Th>Location</Table.Th>
          <Table.Th>Status</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {props.items.map((a) => {
          const place = places.get(a.locationId);
          return (
            <Table.Tr key={a.id}>
              <Table.Td>{clockDateTime(a.start, place?.timeZone ?? 'UTC', place ? place.state !== null : false)}</Table.Td>
              <Table.Td>{a.appointmentTypeName}</Table.Td>
              <Table.Td>{names.get(a.providerId) ?? ''}</Table.Td>
              <Table.Td>{place?.name ?? ''}</Table.Td>
              <Table.Td>
                <Badge variant="outline">{STATUS_TEXT[a.status]}</Badge>
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}

export function PatientVisitsTab(props: { patientId: string }) {
  const can = useCan();
  const navigate = useNavigate();
  const visits = useQuery({
    queryKey: scheduleKeys.patientAppointments(props.patientId),
    queryFn: () => unwrap(api.GET('/api/patients/{id}/appointments', { params: { path: { id: props.patientId } } })),
  });
  if (visits.isPending) return <Loader aria-label="Loading visits" />;
  if (visits.isError) return <Alert color="red">{visits.error.message}</Alert>;
  const now = Date.now();
  const items = visits.data.items.filter((a) => a.status !== 'rescheduled');
  const upcoming = items
    .filter((a) => Date.parse(a.start) >= now && !['cancelled', 'no_show', 'checked_out'].includes(a.status))
    .sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
  const past = items.filter((a) => !upcoming.includes(a));
  const c = visits.data.counts;
  return (
    <Stack gap="sm" pt="sm" data-testid="patient-visits">
      <Group justify="space-between">
        <Text size="sm">
          {c.completed} seen · {c.noShow} no-show{c.noShow === 1 ? '' : 's'} · {c.cancelled} cancelled
        </Text>
        {can('appointment:write') && (
          <Button onClick={() => navigate(`/schedule?${new URLSearchParams({ bookFor: props.patientId })}`)}>Book follow-up</Button>
        )}
      </Group>
      <Title order={3} size="h5">
        Upcoming
      </Title>
      {upcoming.length ? <VisitsTable label="Upcoming" items={upcoming} /> : <Text size="sm">No upcoming visit.</Text>}
      <Title order={3} size="h5">
        Past
      </Title>
      {past.length ? <VisitsTable label="Past" items={past} /> : <Text size="sm">No past visit.</Text>}
    </Stack>
  );
}
