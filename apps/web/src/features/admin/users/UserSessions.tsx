import { Button, Table, Text } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client.ts';
import { userKeys } from './query-keys.ts';

/** Open sessions of one user, each with a way to end it. */
export function UserSessions({ userId }: { userId: string }) {
  const queryClient = useQueryClient();
  const key = userKeys.sessions(userId);
  const sessions = useQuery({
    queryKey: key,
    queryFn: () => unwrap(api.GET('/api/users/{id}/sessions', { params: { path: { id: userId } } })),
  });
  const end = async (sessionId: string) => {
    await unwrap(api.POST('/api/users/{id}/sessions/{sessionId}/end', { params: { path: { id: userId, sessionId } } }));
    await queryClient.invalidateQueries({ queryKey: key });
  };
  const items = sessions.data?.items ?? [];
  if (sessions.isSuccess && items.length === 0) return <Text size="sm">No open sessions.</Text>;
  return (
    <Table aria-label="Open sessions" verticalSpacing="xs">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Started</Table.Th>
          <Table.Th>Last active</Table.Th>
          <Table.Th>From</Table.Th>
          <Table.Th>
            <span className="visually-hidden">Actions</span>
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {items.map((s) => (
          <Table.Tr key={s.id}>
            <Table.Td>{new Date(s.createdAt).toLocaleString()}</Table.Td>
            <Table.Td>{new Date(s.lastSeenAt).toLocaleTimeString()}</Table.Td>
            <Table.Td>
              <Text size="xs">{s.ip ?? '—'}</Text>
              <Text size="xs" c="dimmed" lineClamp={1} maw={220}>
                {s.userAgent ?? ''}
              </Text>
            </Table.Td>
            <Table.Td>
              {s.current ? (
                <Text size="xs">This session</Text>
              ) : (
                <Button size="xs" color="red" variant="light" onClick={() => void end(s.id)}>
                  End
                </Button>
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
