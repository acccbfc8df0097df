/** Home-page tile for a clinician: their notes still open (unsigned), oldest first, each one click away. */
import { Anchor, List } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { Tile } from '../../app/Tile.tsx';
import { toUsDate } from '../patients/us-date.ts';
import { data, listEncounters } from './encounters-api.ts';
import { encounterKeys } from './query-keys.ts';

export function UnsignedNotesTile(props: { providerId: string }) {
  const filter = { status: 'open' as const, providerId: props.providerId };
  const open = useQuery({
    queryKey: encounterKeys.list(filter),
    queryFn: () => data(listEncounters({ ...filter, limit: 200 })),
  });
  const items = [...(open.data?.items ?? [])].sort((a, b) => a.dateOfService.localeCompare(b.dateOfService));
  return (
    <Tile
      title="My unsigned notes"
      count={open.data ? items.length : undefined}
      more={open.data?.nextCursor != null}
      loading={open.isPending}
      error={open.isError ? open.error.message : null}
      empty="Every note is signed."
      testId="unsigned-notes-tile"
    >
      {items.length > 0 && (
        <List size="sm" spacing={4}>
          {items.slice(0, 6).map((e) => (
            <List.Item key={e.id}>
              <Anchor component={Link} to={`/encounters/${encodeURIComponent(e.id)}`}>
                {toUsDate(e.dateOfService)} · {e.patientName ?? 'Open note'}
              </Anchor>
            </List.Item>
          ))}
        </List>
      )}
    </Tile>
  );
}
