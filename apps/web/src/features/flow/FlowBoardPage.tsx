/**
 * Today's visits at the selected location, live: status, arrival, minutes waiting, room, provider,
 * next step. A table on a desk screen; below Mantine's `md` breakpoint (a phone, a tablet) one card per visit.
 * Keyboard (listed in the `?` help, app/shortcuts.ts): j/k move between visits, n jumps to the next
 * visit waiting to check in, c checks in the current visit, Enter reaches the visit's next step.
 */
import { Alert, Badge, Group, Loader, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { type ReactNode, type RefObject, useRef, useState } from 'react';
import { type Shortcut, useShortcuts } from '../../app/shortcuts.ts';
import { useSelectedLocation } from '../../app/use-selected-location.ts';
import { useCan } from '../auth/use-me.ts';
import { NOTE_VISIT_STATUSES, StartNoteButton } from '../encounters/StartNoteButton.tsx';
import { useRooms } from '../schedule/schedule-api.ts';
import { clockTime } from '../schedule/zoned-time.ts';
import { CheckInDialog, type CheckedInVisit } from './CheckInDialog.tsx';
import { FlowActions } from './FlowActions.tsx';
import { expectedCopaysQuery } from '../accounts/accounts-api.ts';
import { CollectCopayButton } from '../accounts/CollectCopay.tsx';
import {
  type FlowItem,
  LONG_WAIT_MINUTES,
  minutesWaiting,
  roomChoices,
  roomOccupancy,
  useFlowBoard,
  useFlowStream,
  useNow,
} from './flow-api.ts';
import { RoomOccupancy } from './RoomOccupancy.tsx';

/** Badge colours (light variant: dark text on a tint; styles/theme.css keeps each at 4.5:1 or more). */
const STATUS_COLORS: Record<string, string> = {
  scheduled: 'gray',
  confirmed: 'blue',
  arrived: 'yellow',
  roomed: 'orange',
  with_provider: 'grape',
  checked_out: 'green',
  no_show: 'red',
};

const ROW = '[data-testid="flow-row"]';

/** The board's keys. `board` is the table or the card list; a visit is "current" when focus is on or in it. */
function boardShortcuts(board: RefObject<HTMLElement | null>): Shortcut[] {
  const rows = () => [...(board.current?.querySelectorAll<HTMLElement>(ROW) ?? [])];
  const current = () => rows().findIndex((r) => r.contains(document.activeElement));
  const focusRow = (i: number) => {
    const all = rows();
    const row = all[Math.max(0, Math.min(all.length - 1, i))];
    row?.focus();
    row?.scrollIntoView({ block: 'nearest' });
  };
  const onBoard = () => current() >= 0;
  const action = (row: HTMLElement | undefined, kind?: string) =>
    row?.querySelector<HTMLElement>(kind ? `[data-flow-action="${kind}"]` : '[data-flow-action]') ?? null;
  return [
    { keys: ['j', 'ArrowDown'], label: 'Next visit', run: () => focusRow(current() + 1), when: (e) => e.key === 'j' || onBoard() },
    {
      keys: ['k', 'ArrowUp'],
      label: 'Previous visit',
      run: () => focusRow(current() < 0 ? 0 : current() - 1),
      when: (e) => e.key === 'k' || onBoard(),
    },
    {
      keys: ['n'],
      label: 'Next visit waiting to check in',
      run: () => {
        const all = rows();
        const from = current();
        const next = [...all.slice(from + 1), ...all.slice(0, from + 1)].find((r) => action(r, 'check-in'));
        action(next, 'check-in')?.focus();
      },
    },
    {
      keys: ['c'],
      label: 'Check in the current visit',
      run: () => action(rows()[current()], 'check-in')?.click(),
      when: () => action(rows()[current()], 'check-in') !== null,
    },
    {
      keys: ['Enter'],
      label: "Go to the current visit's next step",
      run: () => action(rows()[current()])?.focus(),
      // Only from the visit itself: Enter on a button presses the button.
      when: (e) => e.target instanceof HTMLElement && e.target.matches(ROW),
    },
  ];
}

/** Visits whose patient is at the practice: the desk may collect the copay. */
const COPAY_STATUSES: readonly string[] = ['arrived', 'roomed', 'with_provider', 'checked_out'];

export function FlowBoardPage() {
  const locationId = useSelectedLocation();
  const board = useFlowBoard(locationId);
  const live = useFlowStream(locationId);
  const rooms = useRooms(locationId);
  const now = useNow();
  const can = useCan();
  // Below Mantine's `md` (62em) nine columns beside the nav do not fit: one card per visit.
  const narrow = useMediaQuery('(max-width: 61.99em)') ?? false;
  const [checkedIn, setCheckedIn] = useState<CheckedInVisit | null>(null);
  const boardRef = useRef<HTMLElement | null>(null);
  useShortcuts('Flow board', boardShortcuts(boardRef));
  // The copays expected from the patients who are here (arrived and on): one request for the board.
  const here = (board.data?.items ?? []).filter((i) => i.patientId && !i.busy && COPAY_STATUSES.includes(i.status));
  const copays = useQuery({
    ...expectedCopaysQuery([...new Set(here.map((i) => i.patientId as string))].sort(), locationId),
    enabled: can('payment:post') && here.length > 0,
  });

  if (!locationId || board.isPending || board.isError)
    return (
      <Stack>
        <Title order={1}>Flow board</Title>
        {board.isError ? <Alert color="red">{board.error.message}</Alert> : <Loader aria-label="Loading" />}
      </Stack>
    );
  const { items, timeZone, date } = board.data;
  const hereRooms = (rooms.data ?? []).filter((r) => r.locationId === locationId);
  // Who is in each room now, from the board itself: the strip and the room picker agree with the rows.
  const occupancy = roomOccupancy(hereRooms, items);
  const choices = roomChoices(occupancy);

  const view = (item: FlowItem) => {
    const waiting = minutesWaiting(item, now);
    const long = waiting !== null && waiting > LONG_WAIT_MINUTES;
    return {
      time: clockTime(item.start, timeZone),
      arrived: item.arrivedAt ? clockTime(item.arrivedAt, timeZone) : '',
      patient: <PatientName item={item} />,
      status: (
        <Badge color={STATUS_COLORS[item.status] ?? 'gray'} variant="light" data-testid="flow-status">
          {item.status.replace('_', ' ')}
        </Badge>
      ),
      waiting:
        waiting !== null ? (
          <Badge color={long ? 'red' : 'gray'} variant={long ? 'filled' : 'light'} data-long-wait={long}>
            {waiting} min
          </Badge>
        ) : null,
      // A busy block's visit is moved along by its care team: the API answers 404 to anyone else.
      actions:
        (can('appointment:write') || can('note:write') || can('payment:post')) && !item.busy ? (
          <Group gap={4} wrap="wrap">
            {can('payment:post') && item.patientId && COPAY_STATUSES.includes(item.status) && (
              <CollectCopayButton
                patientId={item.patientId}
                patientName={item.patientName}
                locationId={locationId}
                expected={copays.data?.get(item.patientId)}
              />
            )}
            {can('appointment:write') && (
              <FlowActions
                item={item}
                rooms={choices}
                onCheckedIn={(i) =>
                  i.patientId && setCheckedIn({ appointmentId: i.appointmentId, patientId: i.patientId, name: i.patientName })
                }
              />
            )}
            {can('note:write') && item.patientId && NOTE_VISIT_STATUSES.includes(item.status) && (
              <StartNoteButton
                patientId={item.patientId}
                providerId={item.providerId}
                locationId={locationId}
                appointmentId={item.appointmentId}
                ariaLabel={`Start note for ${item.patientName}`}
              />
            )}
          </Group>
        ) : null,
    };
  };
  const rowProps = (item: FlowItem) => ({
    'data-testid': 'flow-row',
    'data-appointment-id': item.appointmentId,
    'data-status': item.status,
    // j/k focus a visit; not in the Tab order (its buttons are).
    tabIndex: -1,
    className: 'flow-row',
  });

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
      <RoomOccupancy uses={occupancy} now={now} />
      {narrow ? (
        <Stack
          component="ul"
          className="flow-cards"
          gap="sm"
          aria-label="Today's visits"
          data-testid="flow-board"
          data-layout="cards"
          ref={boardRef as RefObject<HTMLDivElement | null>}
        >
          {items.map((item) => {
            const v = view(item);
            return (
              <Paper component="li" withBorder p="sm" key={item.appointmentId} {...rowProps(item)}>
                <Group justify="space-between" wrap="nowrap" align="flex-start">
                  <div>
                    <Text fw={700}>
                      {v.time} · {v.patient}
                    </Text>
                    <Text size="sm">
                      {item.appointmentTypeName} · {item.providerName}
                    </Text>
                  </div>
                  <div className="flow-card-status">{v.status}</div>
                </Group>
                <Group gap="xs" mt={4}>
                  {v.arrived && <Text size="sm">Arrived {v.arrived}</Text>}
                  {v.waiting}
                  {item.roomName && <Text size="sm">Room {item.roomName}</Text>}
                </Group>
                {v.actions && <Group mt="xs">{v.actions}</Group>}
              </Paper>
            );
          })}
        </Stack>
      ) : (
        // Between md and ~1024 px the table scrolls in its own box, never the page.
        <Table.ScrollContainer minWidth={760}>
          <Table striped highlightOnHover data-testid="flow-board" data-layout="table" ref={boardRef as RefObject<HTMLTableElement>}>
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
                const v = view(item);
                return (
                  <Table.Tr key={item.appointmentId} {...rowProps(item)}>
                    <Table.Td>{v.time}</Table.Td>
                    <Table.Td>{v.patient}</Table.Td>
                    <Table.Td>{item.appointmentTypeName}</Table.Td>
                    <Table.Td>{item.providerName}</Table.Td>
                    <Table.Td>{v.status}</Table.Td>
                    <Table.Td>{v.arrived}</Table.Td>
                    <Table.Td>{v.waiting}</Table.Td>
                    <Table.Td>{item.roomName ?? ''}</Table.Td>
                    <Table.Td>{v.actions}</Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <CheckInDialog visit={checkedIn} onClose={() => setCheckedIn(null)} />
    </Stack>
  );
}

/** The patient's name with the desk's check-in ticks. */
function PatientName({ item }: { item: FlowItem }): ReactNode {
  return (
    <Group gap={4} wrap="nowrap" component="span" className="flow-patient">
      <span
        data-busy={item.busy || undefined}
        title={item.busy ? "A restricted patient's visit: only the patient's care team sees the details" : undefined}
      >
        {item.patientName}
      </span>
      {item.insuranceConfirmed && (
        <Badge size="xs" variant="light" color="teal" title="Insurance confirmed at check-in" data-testid="insurance-confirmed">
          Ins ✓
        </Badge>
      )}
      {item.demographicsConfirmed && (
        <Badge size="xs" variant="light" color="teal" title="Demographics confirmed at check-in" data-testid="demographics-confirmed">
          Demog ✓
        </Badge>
      )}
    </Group>
  );
}
