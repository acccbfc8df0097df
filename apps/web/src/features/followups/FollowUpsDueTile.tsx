/** Home-page tile for the front desk: open follow-ups due by the end of this week (overdue ones included) at the location. */
import { List, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.ts';
import { Tile } from '../../app/Tile.tsx';
import { useLocationZone } from '../schedule/schedule-api.ts';
import { addDays, longDate, mondayOf, todayOn } from './followups-api.ts';
import { followupKeys } from './query-keys.ts';

export function FollowUpsDueTile(props: { locationId: string | null }) {
  const zone = useLocationZone(props.locationId);
  const nextMonday = addDays(mondayOf(todayOn(zone)), 7);
  const filter = { status: 'open', locationId: props.locationId, dueBefore: nextMonday };
  const due = useQuery({
    queryKey: followupKeys.followUpList(filter),
    enabled: zone !== null || props.locationId === null,
    queryFn: () =>
      unwrap(
        api.GET('/api/follow-ups', {
          params: {
            query: { status: 'open', dueBefore: nextMonday, limit: 200, ...(props.locationId && { locationId: props.locationId }) },
          },
        }),
      ),
  });
  const items = due.data?.items ?? [];
  return (
    <Tile
      title="Follow-ups due this week"
      testId="tile-follow-ups"
      count={due.data ? items.length : undefined}
      loading={due.isPending}
      error={due.isError ? due.error.message : null}
      empty="No follow-up is due this week."
      link={{ to: '/follow-ups', label: 'Open the follow-up worklist' }}
    >
      {items.length > 0 && (
        <List size="sm" spacing={4} aria-label="Follow-ups due this week">
          {items.slice(0, 6).map((f) => (
            <List.Item key={f.id}>
              <Text span size="sm">
                {f.patientName}: {f.appointmentTypeName ?? 'visit'}, due {longDate(f.dueDate).replace(/, \d{4}$/, '')}
              </Text>
            </List.Item>
          ))}
        </List>
      )}
    </Tile>
  );
}
