/**
 * Break-glass review: each emergency grant, its reason, the accesses flagged under it, whether it
 * renews an earlier grant (a chain: the same user and record within 24 hours), and its review.
 */
import { Alert, Badge, Button, List, Loader, Stack, Switch, Table, Text, Tooltip } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../../../api/client.ts';
import { useSubmit } from '../../../api/use-submit.ts';
import { PatientCell } from './AuditTrail.tsx';
import { type BreakGlassGrant, resourceLabel } from './audit-api.ts';
import { dateTimeIn, timeIn } from './zone-format.ts';
import { auditKeys } from './query-keys.ts';

function ChainCell({ chain, previous, zone }: { chain: BreakGlassGrant['chain']; previous: BreakGlassGrant | undefined; zone: string }) {
  if (!chain)
    return (
      <Text size="xs" c="dimmed">
        —
      </Text>
    );
  return (
    <Tooltip
      label={`Follows the grant the same user opened for the same record ${
        previous ? `on ${dateTimeIn(previous.createdAt, zone)}` : 'less than 24 hours before'
      }`}
    >
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

function ReviewCell({ grant, zone }: { grant: BreakGlassGrant; zone: string }) {
  const review = useSubmit(() => api.POST('/api/audit/break-glass/{id}/review', { params: { path: { id: grant.id } }, body: {} }), {
    invalidate: [auditKeys.breakGlassLists()],
  });
  if (grant.review) {
    return (
      <Stack gap={2}>
        <Badge color="green" variant="light">
          reviewed
        </Badge>
        <Text size="xs" c="dimmed">
          {grant.review.reviewerDisplayName ?? 'A former colleague'} · {dateTimeIn(grant.review.reviewedAt, zone)}
        </Text>
        {grant.review.note && <Text size="xs">{grant.review.note}</Text>}
      </Stack>
    );
  }
  return (
    <Stack gap={4}>
      <Button size="xs" variant="light" loading={review.busy} onClick={() => void review.submit()}>
        Mark reviewed
      </Button>
      {review.error && (
        <Text size="xs" c="red">
          {review.error}
        </Text>
      )}
    </Stack>
  );
}

export function BreakGlassReport({ zone }: { /** The clinic's zone: times are shown on its clock. */ zone: string }) {
  const [activeOnly, setActiveOnly] = useState(false);
  const report = useQuery({
    queryKey: auditKeys.breakGlassList(activeOnly),
    queryFn: () =>
      unwrap(api.GET('/api/audit/break-glass', { params: { query: { limit: 200, ...(activeOnly ? { active: 'true' } : {}) } } })),
  });
  const byId = new Map((report.data?.items ?? []).map((g) => [g.id, g]));
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
                  <Table.Td>{dateTimeIn(g.createdAt, zone)}</Table.Td>
                  <Table.Td>
                    <Text size="sm">{g.userDisplayName ?? 'A former colleague'}</Text>
                    <Text size="xs" c="dimmed">
                      {g.userEmail}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <PatientCell id={g.patientId} name={g.patientName} />
                  </Table.Td>
                  <Table.Td>{g.reason}</Table.Td>
                  <Table.Td>
                    {timeIn(g.expiresAt, zone)} {g.active && <Badge color="red">open</Badge>}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {g.accessCount}
                    </Text>
                    <List size="xs">
                      {g.accesses.map((a) => (
                        <List.Item key={a.seq}>
                          {timeIn(a.occurredAt, zone)} {a.action} {a.resourceType ? resourceLabel(a.resourceType) : ''}
                          {a.outcome === 'denied' ? ' (denied)' : ''}
                        </List.Item>
                      ))}
                    </List>
                  </Table.Td>
                  <Table.Td>
                    <ChainCell chain={g.chain} previous={g.chain ? byId.get(g.chain.previousGrantId) : undefined} zone={zone} />
                  </Table.Td>
                  <Table.Td>
                    <ReviewCell grant={g} zone={zone} />
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
