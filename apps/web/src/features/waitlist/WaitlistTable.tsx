/** The waiting list in offer order: who, what, where, when, priority, and the offer out now. */
import { Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { type LocationClock, providerName, useLocationClocks, useLocations, useProviders } from '../schedule/schedule-api.ts';
import { clockDateTime } from '../schedule/zoned-time.ts';
import { namesOf, type WaitlistEntry } from './waitlist-api.ts';

const STATUS_COLORS: Record<WaitlistEntry['status'], string> = { waiting: 'blue', booked: 'green', removed: 'gray' };

export interface WaitlistActions {
  onFill(entry: WaitlistEntry): void;
  onEdit(entry: WaitlistEntry): void;
  onRemove(entry: WaitlistEntry): void;
}

function OfferCell(props: { entry: WaitlistEntry; clocks: Map<string, LocationClock> }) {
  const { entry } = props;
  if (entry.status === 'booked') return <Badge color="green">booked</Badge>;
  if (entry.status === 'removed') return <Badge color="gray">removed</Badge>;
  const offer = entry.openOffer;
  if (!offer) return <Badge color={STATUS_COLORS.waiting}>waiting</Badge>;
  const c = props.clocks.get(offer.locationId) ?? { zone: 'UTC', hour12: false };
  return (
    <Stack gap={2}>
      <Badge color="yellow">offer out</Badge>
      <Text size="xs">
        {clockDateTime(offer.start, c.zone, c.hour12)}, held until {clockDateTime(offer.expiresAt, c.zone, c.hour12)}
      </Text>
    </Stack>
  );
}

export function WaitlistTable(props: { entries: WaitlistEntry[]; canWrite: boolean } & WaitlistActions) {
  const providers = useProviders();
  const locations = useLocations();
  const providerNames = new Map((providers.data ?? []).map((p) => [p.id, providerName(p)]));
  const locationNames = new Map((locations.data?.items ?? []).map((l) => [l.id, l.name]));
  const clocks = useLocationClocks();
  return (
    <Table.ScrollContainer minWidth={1000}>
      <Table striped highlightOnHover verticalSpacing="sm" aria-label="Waiting list" data-testid="waitlist-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Patient</Table.Th>
            <Table.Th>Type</Table.Th>
            <Table.Th>Providers</Table.Th>
            <Table.Th>Locations</Table.Th>
            <Table.Th>Window</Table.Th>
            <Table.Th>Priority</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>
              <span className="visually-hidden">Actions</span>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {props.entries.map((e) => (
            <Table.Tr key={e.id} data-testid="waitlist-row">
              <Table.Td>
                <Text fw={500}>{e.patientName}</Text>
                {e.notes && (
                  <Text size="xs" c="dimmed">
                    {e.notes}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{e.appointmentTypeName}</Table.Td>
              <Table.Td>{namesOf(e.providerIds, providerNames)}</Table.Td>
              <Table.Td>{namesOf(e.locationIds, locationNames)}</Table.Td>
              <Table.Td>
                {e.earliestDate} to {e.latestDate}
              </Table.Td>
              <Table.Td>{e.priority}</Table.Td>
              <Table.Td>
                <OfferCell entry={e} clocks={clocks} />
              </Table.Td>
              <Table.Td>
                {/* A hidden entry (restricted patient, user off the care team) is the care team's to change. */}
                {props.canWrite && e.status === 'waiting' && !e.hidden && (
                  <Group gap="xs" wrap="nowrap" justify="flex-end">
                    <Button size="compact-sm" onClick={() => props.onFill(e)} aria-label={`Fill by hand for ${e.patientName}`}>
                      Fill by hand
                    </Button>
                    <Button size="compact-sm" variant="light" onClick={() => props.onEdit(e)} aria-label={`Edit ${e.patientName}`}>
                      Edit
                    </Button>
                    <Button
                      size="compact-sm"
                      variant="subtle"
                      color="red"
                      onClick={() => props.onRemove(e)}
                      aria-label={`Remove ${e.patientName}`}
                    >
                      Remove
                    </Button>
                  </Group>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
          {props.entries.length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={8}>
                <Text c="dimmed">Nobody here.</Text>
              </Table.Td>
            </Table.Tr>
          )}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
