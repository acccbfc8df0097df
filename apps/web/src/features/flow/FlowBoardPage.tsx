/** Today's visits at the selected location, live: status, arrival, minutes waiting, room, provider, next step. */
import { Alert, Badge, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useSelectedLocation } from '../../app/use-selected-location.ts';
import { useCan } from '../auth/use-me.ts';
import { useRooms } from '../schedule/schedule-api.ts';
import { clockTime } from '../schedule/zoned-time.ts';
import { CheckInDialog, type CheckedInVisit } from './CheckInDialog.tsx';
import { FlowActions } from './FlowActions.tsx';
import { LONG_WAIT_MINUTES, minutesWaiting, useFlowBoard, useFlowStream, useNow } from './flow-api.ts';

const STATUS_COLORS: Record<string, string> = {
  scheduled: 'gray',
  confirmed: 'blue',
  arrived: 'yellow',
  roomed: 'orange',
  with_provider: 'grape',
  checked_out: 'green',
  no_show: 'red',
};

export function FlowBoardPage() {
  const locationId = useSelectedLocation();
  const board = useFlowBoard(locationId);
  const live = useFlowStream(locationId);
  const rooms = useRooms(locationId);
  const now = useNow();
  const can = useCan();
  const [checkedIn, setCheckedIn] = useState<CheckedInVisit | null>(null);
  if (!locationId || board.isPending || board.isError)
    return (
      <Stack>
        <Title order={1}>Flow board</Title>
        {board.isError ? <Alert color="red">{board.error.message}</Alert> : <Loader aria-label="Loading" />}
      </Stack>
    );
  const { items, timeZone, date } = board.data;
  const hereRooms = (rooms.data ?? []).filter((r) => r.locationId === locationId);
  return (
    <Stack>
      <Group justify="space-between" align="baseline">
        <Title order={1}>Flow board</Title>
        <Group gap="xs">
          <Text size="sm" c="dimmed">
            {date}, times in {timeZone}
          </Text>
          <Badge color={live ? 'green' : 'gray'} variant="dot" data-testid="flow-live">
            {live ? 'Live' : 'Connecting'}
          </Badge>
        </Group>
      </Group>
      {items.length === 0 && <Text c="dimmed">No visits today.</Text>}
      <Table striped highlightOnHover data-testid="flow-board">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Time</Table.Th>
            <Table.Th>Patient</Table.Th>
            <Table.Th>Type</Table.Th>
            <Table.Th>Provider</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Arrived</Table.Th>
            <Table.Th>Waiting</Table.Th>
            <Table.Th>Room</Table.Th>
            <Table.Th>Next</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) => {
            const waiting = minutesWaiting(item, now);
            const long = waiting !== null && waiting > LONG_WAIT_MINUTES;
            return (
              <Table.Tr key={item.appointmentId} data-testid="flow-row" data-appointment-id={item.appointmentId} data-status={item.status}>
                <Table.Td>{clockTime(item.start, timeZone)}</Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    <span
                      data-busy={item.busy || undefined}
                      title={item.busy ? "A restricted patient's visit: only the patient's care team sees the details" : undefined}
                    >
                      {item.patientName}
                    </span>
                    {item.insuranceConfirmed && (
                      <Badge
                        size="xs"
                        variant="light"
                        color="teal"
                        title="Insurance confirmed at check-in"
                        data-testid="insurance-confirmed"
                      >
                        Ins ✓
                      </Badge>
                    )}
                    {item.demographicsConfirmed && (
                      <Badge
                        size="xs"
                        variant="light"
                        color="teal"
                        title="Demographics confirmed at check-in"
                        data-testid="demographics-confirmed"
                      >
                        Demog ✓
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td>{item.appointmentTypeName}</Table.Td>
                <Table.Td>{item.providerName}</Table.Td>
                <Table.Td>
                  <Badge color={STATUS_COLORS[item.status] ?? 'gray'} data-testid="flow-status">
                    {item.status.replace('_', ' ')}
                  </Badge>
                </Table.Td>
                <Table.Td>{item.arrivedAt ? clockTime(item.arrivedAt, timeZone) : ''}</Table.Td>
                <Table.Td>
                  {waiting !== null && (
                    <Badge color={long ? 'red' : 'gray'} variant={long ? 'filled' : 'light'} data-long-wait={long}>
                      {waiting} min
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>{item.roomName ?? ''}</Table.Td>
                <Table.Td>
                  {/* A busy block's visit is moved along by its care team: the API answers 404 to anyone else. */}
                  {can('appointment:write') && !item.busy && (
                    <FlowActions
                      item={item}
                      rooms={hereRooms}
                      onCheckedIn={(i) =>
                        i.patientId && setCheckedIn({ appointmentId: i.appointmentId, patientId: i.patientId, name: i.patientName })
                      }
                    />
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      <CheckInDialog visit={checkedIn} onClose={() => setCheckedIn(null)} />
    </Stack>
  );
}
