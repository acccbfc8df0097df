/**
 * Keeps an unattended screen from showing data after the server has ended the session:
 * polls GET /api/me/session (passive: polling does not extend the session). When the session
 * is gone the poll answers 401 SESSION_EXPIRED and the client sends the user to the login page.
 * Two minutes before the idle limit, a notice offers to stay signed in.
 */
import { Affix, Alert, Button, Group, Text } from '@mantine/core';
import { useInterval } from '@mantine/hooks';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { authKeys } from '../../features/auth/query-keys.ts';

const POLL_MS = 30_000;
const WARN_MS = 120_000;

export function SessionWatch() {
  const queryClient = useQueryClient();
  const [now, setNow] = useState(() => Date.now());
  useInterval(() => setNow(Date.now()), 5_000, { autoInvoke: true });
  const status = useQuery({
    queryKey: authKeys.sessionStatus(),
    queryFn: () => unwrap(api.GET('/api/me/session')),
    refetchInterval: POLL_MS,
    refetchIntervalInBackground: true,
  });
  const left = status.data ? Date.parse(status.data.expiresAt) - now : Number.POSITIVE_INFINITY;
  // Past the end: ask now rather than at the next poll (the answer is the 401 that signs out).
  const ended = left <= 0;
  useEffect(() => {
    if (ended) void status.refetch();
  }, [ended, status.refetch]);

  if (left > WARN_MS) return null;
  const stay = async () => {
    await api.GET('/api/me'); // any ordinary call counts as activity
    await queryClient.invalidateQueries({ queryKey: authKeys.sessionStatus() });
  };
  return (
    <Affix position={{ bottom: 20, right: 20 }}>
      <Alert color="yellow" title="Still there?" role="alertdialog" aria-live="assertive" w={340}>
        <Text size="sm">For privacy you will be signed out in about {Math.max(0, Math.ceil(left / 60_000))} minute(s) of inactivity.</Text>
        <Group justify="flex-end" mt="xs">
          <Button size="xs" onClick={() => void stay()}>
            Stay signed in
          </Button>
        </Group>
      </Alert>
    </Affix>
  );
}
