/** Home-page tile: tomorrow's visits at the location nobody has confirmed yet (the front desk calls them). */
import { List, Text } from '@mantine/core';
import { Link } from 'react-router';
import { Tile } from '../../app/Tile.tsx';
import { useAppointments, useLocationClock } from './schedule-api.ts';
import { clockTime, toWall, todayIn, wallDay } from './zoned-time.ts';

export function UnconfirmedTomorrowTile(props: { locationId: string | null }) {
  const clock = useLocationClock(props.locationId);
  // The next 48 hours hold all of tomorrow on any clock; tomorrow's wall date picks them out.
  const now = new Date();
  const from = new Date(Math.floor(now.getTime() / 3_600_000) * 3_600_000);
  const to = new Date(from.getTime() + 48 * 3_600_000);
  const unconfirmed = useAppointments(props.locationId, from, to, { status: 'scheduled', maxItems: 400 });
  const tomorrow = clock ? todayIn(clock.zone) : null;
  tomorrow?.setDate(tomorrow.getDate() + 1);
  const items =
    clock && tomorrow ? (unconfirmed.data ?? []).filter((a) => !a.busy && wallDay(toWall(a.start, clock.zone)) === wallDay(tomorrow)) : [];
  return (
    <Tile
      title="Tomorrow, not confirmed"
      testId="tile-unconfirmed"
      count={unconfirmed.data && clock ? items.length : undefined}
      loading={unconfirmed.isPending && props.locationId !== null}
      error={unconfirmed.isError ? unconfirmed.error.message : null}
      empty="Every visit tomorrow is confirmed."
      link={tomorrow ? { to: `/schedule?date=${wallDay(tomorrow)}`, label: "Open tomorrow's schedule" } : undefined}
    >
      {clock && items.length > 0 && (
        <List size="sm" spacing={4} aria-label="Tomorrow's unconfirmed visits">
          {items.slice(0, 8).map((a) => (
            <List.Item key={a.id}>
              <Text span size="sm">
                {clockTime(a.start, clock.zone, clock.hour12)}{' '}
              </Text>
              {a.patientId ? <Link to={`/patients?id=${a.patientId}`}>{a.patientName}</Link> : a.patientName}
              <Text span size="sm">
                {' '}
                · {a.appointmentTypeName}
              </Text>
            </List.Item>
          ))}
          {items.length > 8 && <List.Item>and {items.length - 8} more</List.Item>}
        </List>
      )}
    </Tile>
  );
}
