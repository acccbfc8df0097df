/** The nav's count of staff threads with a message the user has not read (checked every minute). */
import { Badge } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.ts';
import { inboxKeys } from './query-keys.ts';

export function UnreadBadge() {
  const count = useQuery({
    queryKey: inboxKeys.unread(),
    queryFn: () => unwrap(api.GET('/api/staff-threads/unread-count')),
    refetchInterval: 60_000,
  });
  const n = count.data?.unread ?? 0;
  if (n === 0) return null;
  return (
    <Badge size="sm" circle aria-label={`${n} unread`} data-testid="staff-unread">
      {n}
    </Badge>
  );
}
