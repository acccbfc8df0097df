/**
 * Break-glass review: each emergency grant, its reason, the accesses flagged under it, whether it
 * renews an earlier grant (a chain: the same user and record within 24 hours), and its review.
 */
import { Alert, Badge, Button, Code, List, Loader, Stack, Switch, Table, Text, Tooltip } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../../../api/client.ts';
import type { BreakGlassGrant } from './audit-api.ts';
import { auditKeys } from './query-keys.ts';

function ChainCell({ chain }: { chain: BreakGlassGrant['chain'] }) {
  if (!chain)
    return (
      <Text size="xs" c="dimmed">
        —
      </Text>
    );
  return (
    <Tooltip label={`Follows grant ${chain.previousGrantId} by the same user for the same record within 24 hours`}>
      <Stack gap={2}>
        <Badge color="orange" variant="light">
          renewal #{chain.position - 1}
        </Badge>
        <Text size="xs" c={chain.previousReviewed ? 'dimmed' : 'orange'}>
          {chain.previousReviewed ? 'previous grant reviewed' : 'previous grant not reviewed'}
        </Text>
      </Stack>
    </Tooltip>
  );
}

function ReviewCell({ grant }: { grant: BreakGlassGrant }) {
  const queryClient = useQueryClient();
  const review = useMutation({
    mutationFn: () => unwrap(api.POST('/api/audit/break-glass/{id}/review', { params: { path: { id: grant.id } }, body: {} })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: auditKeys.breakGlassLists() }),
  });
  if (grant.review) {
    return (
      <Stack gap={2}>
        <Badge color="green" variant="light">
          reviewed
        </Badge>
        <Text size="xs" c="dimmed">
          {grant.review.reviewerDisplayName ?? grant.review.reviewedBy} · {new Date(grant.review.reviewedAt).toLocaleString()}
        </Text>
        {grant.review.note && <Text size="xs">{grant.review.note}</Text>}
      </Stack>
    );
  }
  return (
    <Stack gap={4}>
      <Button size="xs" variant="light" loading={review.isPending} onClick={() => review.mutate()}>
        Mark reviewed
      </Button>
      {review.isError && (
        <Text size="xs" c="red">
          {review.error.message}
        </Text>
      )}
    </Stack>
  );
}

export function BreakGlassReport() {
  const [activeOnly, setActiveOnly] = useState(false);
  const report = useQuery({
    queryKey: auditKeys.breakGlassList(activeOnly),
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
        <Table.ScrollContainer minWidth={1100}>
          <Table striped verticalSpacing="sm" aria-label="Break-glass grants">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Opened</Table.Th>
                <Table.Th>User</Table.Th>
                <Table.Th>Patient</Table.Th>
                <Table.Th>Reason</Table.Th>
                <Table.Th>Until</Table.Th>
                <Table.Th>Accesses</Table.Th>
                <Table.Th>Chain</Table.Th>
                <Table.Th>Review</Table.Th>
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
                  <Table.Td>
                    <ChainCell chain={g.chain} />
                  </Table.Td>
                  <Table.Td>
                    <ReviewCell grant={g} />
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
