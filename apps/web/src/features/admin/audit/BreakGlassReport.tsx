/** Break-glass review: each emergency grant, its reason, and the accesses flagged under it. */
import { Alert, Badge, Code, List, Loader, Stack, Switch, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../../../api/client.ts';

export function BreakGlassReport() {
  const [activeOnly, setActiveOnly] = useState(false);
  const report = useQuery({
    queryKey: ['audit', 'break-glass', { activeOnly }],
    queryFn: () =>
      unwrap(api.GET('/api/audit/break-glass', { params: { query: { limit: 200, ...(activeOnly ? { active: 'true' } : {}) } } })),
  });
  return (
    <Stack>
      <Switch label="Open grants only" checked={activeOnly} onChange={(e) => setActiveOnly(e.currentTarget.checked)} />
      {report.isPending && <Loader aria-label="Loading break-glass report" />}
      {report.isError && <Alert color="red">{report.error.message}</Alert>}
      {report.data && report.data.items.length === 0 && <Text c="dimmed">No break-glass access.</Text>}
      {report.data && report.data.items.length > 0 && (
        <Table.ScrollContainer minWidth={900}>
          <Table striped verticalSpacing="sm" aria-label="Break-glass grants">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Opened</Table.Th>
                <Table.Th>User</Table.Th>
                <Table.Th>Patient</Table.Th>
                <Table.Th>Reason</Table.Th>
                <Table.Th>Until</Table.Th>
                <Table.Th>Accesses</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {report.data.items.map((g) => (
                <Table.Tr key={g.id}>
                  <Table.Td>{new Date(g.createdAt).toLocaleString()}</Table.Td>
                  <Table.Td>
                    <Text size="sm">{g.userDisplayName ?? g.userId}</Text>
                    <Text size="xs" c="dimmed">
                      {g.userEmail}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Code>{g.patientId}</Code>
                  </Table.Td>
                  <Table.Td>{g.reason}</Table.Td>
                  <Table.Td>
                    {new Date(g.expiresAt).toLocaleTimeString()} {g.active && <Badge color="red">open</Badge>}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {g.accessCount}
                    </Text>
                    <List size="xs">
                      {g.accesses.map((a) => (
                        <List.Item key={a.seq}>
                          {new Date(a.occurredAt).toLocaleTimeString()} {a.action} {a.resourceType ?? ''}
                          {a.outcome === 'denied' ? ' (denied)' : ''}
                        </List.Item>
                      ))}
                    </List>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
