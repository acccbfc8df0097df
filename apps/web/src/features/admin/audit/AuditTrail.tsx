/** The trail: sortable columns and keyset pages ("Load more"); names for ids, times on the clinic's clock. */
import { Alert, Badge, Button, Code, Loader, Stack, Table, Text, UnstyledButton } from '@mantine/core';
import { IconArrowDown, IconArrowUp } from '@tabler/icons-react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client.ts';
import { type AuditEvent, type AuditFilters, resourceLabel, toQuery } from './audit-api.ts';
import { dateTimeIn } from './zone-format.ts';
import { auditKeys } from './query-keys.ts';

type SortKey = 'occurredAt' | 'seq' | 'action' | 'userId' | 'patientId' | 'outcome';

function SortHeader({
  label,
  field,
  sort,
  onSort,
}: {
  label: string;
  field: SortKey;
  sort: string;
  onSort: (s: AuditFilters['sort']) => void;
}) {
  const active = sort.replace('-', '') === field;
  const desc = sort.startsWith('-');
  const next = (active && !desc ? `-${field}` : field) as AuditFilters['sort'];
  return (
    <Table.Th aria-sort={active ? (desc ? 'descending' : 'ascending') : 'none'}>
      <UnstyledButton onClick={() => onSort(next)} fw={600}>
        {label} {active && (desc ? <IconArrowDown size={12} /> : <IconArrowUp size={12} />)}
      </UnstyledButton>
    </Table.Th>
  );
}

const shortId = (id: string) => id.slice(0, 8);

/** A patient by name; a restricted record the reader may not open shows as such (its id on hover). */
export function PatientCell({ id, name }: { id: string | null; name: string | null }) {
  if (!id) return null;
  if (name) return <Text size="sm">{name}</Text>;
  return (
    <Text size="sm" c="dimmed" title={`Patient ${id}`}>
      Restricted patient
    </Text>
  );
}

function ResourceCell({ e }: { e: AuditEvent }) {
  if (!e.resourceType) return null;
  const named =
    e.resourceName ?? (e.resourceId && e.resourceId === e.patientId && e.resourceType === 'patient' ? 'Restricted patient' : null);
  return (
    <Stack gap={0}>
      <Text size="sm">{resourceLabel(e.resourceType)}</Text>
      {named ? (
        <Text size="xs" title={e.resourceId ?? undefined}>
          {named}
        </Text>
      ) : e.resourceId ? (
        <Text size="xs" c="dimmed" title={e.resourceId}>
          #{shortId(e.resourceId)}
        </Text>
      ) : null}
    </Stack>
  );
}

function Row({ e, zone }: { e: AuditEvent; zone: string }) {
  return (
    <Table.Tr>
      <Table.Td>{e.seq}</Table.Td>
      <Table.Td>
        <time dateTime={e.occurredAt}>{dateTimeIn(e.occurredAt, zone)}</time>
      </Table.Td>
      <Table.Td>
        <Text size="sm">
          {e.userDisplayName ?? (e.userId ? `#${shortId(e.userId)}` : e.role?.startsWith('system') ? 'ClinicDesk' : 'Nobody signed in')}
        </Text>
        <Text size="xs" c="dimmed">
          {e.userEmail ?? ''} {e.role ? `· ${e.role}` : ''}
        </Text>
      </Table.Td>
      <Table.Td>
        {e.action} {e.breakGlass && <Badge color="red">break-glass</Badge>}
      </Table.Td>
      <Table.Td>
        <ResourceCell e={e} />
      </Table.Td>
      <Table.Td>
        <PatientCell id={e.patientId} name={e.patientName} />
      </Table.Td>
      <Table.Td>{e.outcome === 'denied' ? <Badge color="orange">denied</Badge> : 'success'}</Table.Td>
      <Table.Td>
        <Text size="xs" c="dimmed">
          {e.ip ?? ''} {e.requestId ? `· ${e.requestId}` : ''}
        </Text>
        {e.changes && <Code block>{JSON.stringify(e.changes, null, 1)}</Code>}
        {e.redacted && (
          <Badge color="gray" variant="light" title="A restricted record you may not open: the values are withheld">
            values withheld
          </Badge>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

export function AuditTrail({
  filters,
  zone,
  onSort,
}: {
  filters: AuditFilters;
  /** The clinic's zone: times are shown on its clock. */
  zone: string;
  onSort: (s: AuditFilters['sort']) => void;
}) {
  const query = toQuery(filters, zone);
  const trail = useInfiniteQuery({
    queryKey: auditKeys.trail(query),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      unwrap(api.GET('/api/audit', { params: { query: { ...query, limit: 50, ...(pageParam ? { cursor: pageParam } : {}) } } })),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const rows = trail.data?.pages.flatMap((p) => p.items) ?? [];
  const header = (label: string, field: SortKey) => <SortHeader label={label} field={field} sort={filters.sort} onSort={onSort} />;
  return (
    <Stack>
      {trail.isPending && <Loader aria-label="Loading audit trail" />}
      {trail.isError && <Alert color="red">{trail.error.message}</Alert>}
      {trail.data && (
        <Table.ScrollContainer minWidth={1000}>
          <Table striped verticalSpacing="xs" aria-label="Audit trail">
            <Table.Thead>
              <Table.Tr>
                {header('Seq', 'seq')}
                {header('When', 'occurredAt')}
                {header('User', 'userId')}
                {header('Action', 'action')}
                <Table.Th>Resource</Table.Th>
                {header('Patient', 'patientId')}
                {header('Outcome', 'outcome')}
                <Table.Th>Request</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((e) => (
                <Row key={e.seq} e={e} zone={zone} />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {trail.data && rows.length === 0 && <Text c="dimmed">No audit events match these filters.</Text>}
      {trail.hasNextPage && (
        <Button variant="default" loading={trail.isFetchingNextPage} onClick={() => void trail.fetchNextPage()}>
          Load more
        </Button>
      )}
    </Stack>
  );
}
