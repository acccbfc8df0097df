/** Home-page tile: tomorrow's visits at the location nobody has confirmed yet (the front desk calls them). */
import { List, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api, unwrap } from '../../api/client.ts';
import { Tile } from '../../app/Tile.tsx';
import { scheduleKeys } from './query-keys.ts';
import { type Appointment, useLocationClock } from './schedule-api.ts';
import { clockTime, toWall, todayIn, wallDay } from './zoned-time.ts';

export function UnconfirmedTomorrowTile(props: { locationId: string | null }) {
  const clock = useLocationClock(props.locationId);
  // The next 48 hours hold all of tomorrow on any clock; tomorrow's wall date picks them out.
  const now = new Date();
  const from = new Date(Math.floor(now.getTime() / 3_600_000) * 3_600_000);
  const to = new Date(from.getTime() + 48 * 3_600_000);
  const unconfirmed = useQuery({
    queryKey: [...scheduleKeys.appointmentList(props.locationId, from.toISOString(), to.toISOString()), 'scheduled'],
    enabled: props.locationId !== null,
    queryFn: async () => {
      const items: Appointment[] = [];
      let cursor: string | undefined;
      do {
        const page = await unwrap(
          api.GET('/api/appointments', {
            params: {
              query: {
                from: from.toISOString(),
                to: to.toISOString(),
                locationId: props.locationId ?? undefined,
                status: 'scheduled',
                limit: 100,
                cursor,
              },
            },
          }),
        );
        items.push(...page.items);
        cursor = page.nextCursor ?? undefined;
      } while (cursor && items.length < 400);
      return items;
    },
  });
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
