/** The flow board's home-page tiles: today at the location (arrivals and waits), and a clinician's own patients today. */
import { Badge, Group, List, Text } from '@mantine/core';
import { Link } from 'react-router';
import { Tile } from '../../app/Tile.tsx';
import { useLocationClock } from '../schedule/schedule-api.ts';
import { clockTime } from '../schedule/zoned-time.ts';
import { type FlowItem, LONG_WAIT_MINUTES, minutesWaiting, useFlowBoard, useNow } from './flow-api.ts';

const STATUS_LABELS: Record<FlowItem['status'], string> = {
  scheduled: 'not arrived',
  confirmed: 'confirmed, not arrived',
  arrived: 'waiting',
  roomed: 'in a room',
  with_provider: 'with the provider',
  checked_out: 'checked out',
  cancelled: 'cancelled',
  no_show: 'no-show',
  rescheduled: 'rescheduled',
};

const WAITING: FlowItem['status'][] = ['arrived', 'roomed'];

/** Today at the selected location: how many are expected, here, waiting (longest first) and done. */
export function TodayTile(props: { locationId: string | null }) {
  const board = useFlowBoard(props.locationId);
  const clock = useLocationClock(props.locationId);
  const now = useNow();
  const items = (board.data?.items ?? []).filter((i) => !i.busy && i.status !== 'cancelled' && i.status !== 'rescheduled');
  const count = (s: FlowItem['status'][]) => items.filter((i) => s.includes(i.status)).length;
  const waiting = items
    .filter((i) => WAITING.includes(i.status))
    .map((i) => ({ i, minutes: minutesWaiting(i, now) ?? 0 }))
    .sort((a, b) => b.minutes - a.minutes);
  return (
    <Tile
      title="Today's arrivals"
      testId="tile-today"
      count={board.data ? items.length : undefined}
      loading={board.isPending && props.locationId !== null}
      error={board.isError ? board.error.message : null}
      empty="No visits today at this location."
      link={{ to: '/flow', label: 'Open the flow board' }}
    >
      {board.data && items.length > 0 && (
        <Group gap="xs">
          <Badge variant="outline">{count(['scheduled', 'confirmed'])} expected</Badge>
          <Badge variant="outline">{count(WAITING)} waiting</Badge>
          <Badge variant="outline">{count(['with_provider'])} with a provider</Badge>
          <Badge variant="outline">{count(['checked_out'])} done</Badge>
          {count(['no_show']) > 0 && <Badge variant="outline">{count(['no_show'])} no-show</Badge>}
        </Group>
      )}
      {waiting.length > 0 && clock && (
        <List size="sm" spacing={4} aria-label="Waiting now, longest first">
          {waiting.slice(0, 6).map(({ i, minutes }) => (
            <List.Item key={i.appointmentId}>
              <Text span fw={minutes >= LONG_WAIT_MINUTES ? 700 : 400} size="sm">
                {i.patientName}
              </Text>{' '}
              <Text span size="sm">
                ({STATUS_LABELS[i.status]} {minutes} min{i.roomName ? `, ${i.roomName}` : ''}; booked{' '}
                {clockTime(i.start, clock.zone, clock.hour12)})
              </Text>
            </List.Item>
          ))}
        </List>
      )}
    </Tile>
  );
}

/**
 * A clinician's patients today (their provider's visits at the location), or, for a nurse who
 * is no provider, everyone's: time, patient with a chart link, visit type and where they are.
 */
export function MyPatientsTile(props: { locationId: string | null; providerId: string | null }) {
  const board = useFlowBoard(props.locationId);
  const clock = useLocationClock(props.locationId);
  const items = (board.data?.items ?? [])
    .filter((i) => !i.busy && !['cancelled', 'rescheduled'].includes(i.status))
    .filter((i) => props.providerId === null || i.providerId === props.providerId);
  return (
    <Tile
      title={props.providerId ? 'My patients today' : "Today's patients"}
      testId="tile-my-patients"
      count={board.data ? items.length : undefined}
      loading={board.isPending && props.locationId !== null}
      error={board.isError ? board.error.message : null}
      empty="No patients booked today at this location."
      link={{ to: '/flow', label: 'Open the flow board' }}
    >
      {clock && items.length > 0 && (
        <List size="sm" spacing={4} aria-label={props.providerId ? 'My patients today' : "Today's patients"}>
          {items.map((i) => (
            <List.Item key={i.appointmentId}>
              <Text span size="sm">
                {clockTime(i.start, clock.zone, clock.hour12)}{' '}
              </Text>
              {i.patientId ? (
                <Link to={`/patients?id=${i.patientId}`}>{i.patientName}</Link>
              ) : (
                <Text span size="sm">
                  {i.patientName}
                </Text>
              )}
              <Text span size="sm">
                {' '}
                · {i.appointmentTypeName}
                {props.providerId ? '' : ` · ${i.providerName}`} · {STATUS_LABELS[i.status]}
                {i.roomName ? ` (${i.roomName})` : ''}
              </Text>
            </List.Item>
          ))}
        </List>
      )}
    </Tile>
  );
}
