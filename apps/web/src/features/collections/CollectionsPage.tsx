/**
 * The collections worklist: guarantors whose patients owe a balance, with the age of the oldest
 * open balance, last statement, last contact, promise to pay, plan and agency. Filters narrow it;
 * "Open" on a row shows the guarantor's contact log, logging a contact, payment plans and the
 * agency. Office managers run small-balance write-offs from here; the agency file downloads as CSV.
 */
import { Alert, Anchor, Badge, Button, Checkbox, Group, Loader, Modal, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { money } from '../../app/money.ts';
import { useCan } from '../auth/use-me.ts';
import {
  AGENCY_LABELS,
  CONTACT_LABELS,
  LEVEL_LABELS,
  PLAN_STATUS_LABELS,
  type WorklistItem,
  type WorklistQuery,
} from './collections-api.ts';
import { GuarantorPanel } from './GuarantorPanel.tsx';
import { collectionKeys } from './query-keys.ts';
import { WriteOffDialog } from './WriteOffDialog.tsx';

const BUCKETS = ['0-30', '31-60', '61-90', '91-120', '120+'] as const;
const PROMISE_LABELS = { pending: 'due', kept: 'kept', broken: 'broken' } as const;

export function CollectionsPage() {
  const can = useCan();
  const [bucket, setBucket] = useState<string | null>(null);
  const [promise, setPromise] = useState<string | null>(null);
  const [agency, setAgency] = useState<string | null>(null);
  const [followUpDue, setFollowUpDue] = useState(false);
  const [cursors, setCursors] = useState<string[]>([]);
  const [open, setOpen] = useState<string | null>(null);
  const [writingOff, setWritingOff] = useState(false);
  const filter: WorklistQuery = {
    limit: 25,
    ...(bucket && { bucket: bucket as WorklistQuery['bucket'] }),
    ...(promise && { hasPromise: promise as 'true' | 'false' }),
    ...(agency && { agency: agency as WorklistQuery['agency'] }),
    ...(followUpDue && { followUpDue: 'true' as const }),
  };
  const cursor = cursors[cursors.length - 1];
  const list = useQuery({
    queryKey: collectionKeys.worklist({ ...filter, cursor }),
    queryFn: () => unwrap(api.GET('/api/collections/worklist', { params: { query: { ...filter, ...(cursor && { cursor }) } } })),
  });
  const refilter = (set: () => void) => {
    set();
    setCursors([]);
  };
  const openRow = list.data?.items.find((r) => r.guarantorKey === open) ?? null;
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>Collections</Title>
        <Group gap="xs">
          <Anchor href="/api/collections/agency/export.csv" download size="sm">
            Agency file (CSV)
          </Anchor>
          {can('collections:write-off') && (
            <Button variant="default" onClick={() => setWritingOff(true)}>
              Small-balance write-off
            </Button>
          )}
        </Group>
      </Group>
      <Group align="flex-end">
        <Select
          label="Oldest balance"
          placeholder="Any age"
          data={BUCKETS.map((b) => ({ value: b, label: `${b} days` }))}
          value={bucket}
          onChange={(v) => refilter(() => setBucket(v))}
          clearable
          w={170}
        />
        <Select
          label="Promise to pay"
          placeholder="Any"
          data={[
            { value: 'true', label: 'With a promise' },
            { value: 'false', label: 'Without' },
          ]}
          value={promise}
          onChange={(v) => refilter(() => setPromise(v))}
          clearable
          w={170}
        />
        <Select
          label="Agency"
          placeholder="Any"
          data={[
            { value: 'none', label: 'Not sent' },
            { value: 'sent', label: 'At agency' },
            { value: 'returned', label: 'Returned' },
          ]}
          value={agency}
          onChange={(v) => refilter(() => setAgency(v))}
          clearable
          w={150}
        />
        <Checkbox
          label="Follow-up due"
          checked={followUpDue}
          onChange={(e) => refilter(() => setFollowUpDue(e.currentTarget.checked))}
          mb={8}
        />
      </Group>
      {list.isPending && <Loader aria-label="Loading the worklist" />}
      {list.isError && <Alert color="red">{list.error.message}</Alert>}
      {list.data?.items.length === 0 && (
        <Text>{list.data.nextCursor ? 'Nothing on this page: try the next one.' : 'Nobody on the worklist.'}</Text>
      )}
      {list.data && list.data.items.length > 0 && (
        <Table.ScrollContainer minWidth={900}>
          <Table striped aria-label="Collections worklist" data-testid="collections-worklist">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Guarantor</Table.Th>
                <Table.Th>Owes</Table.Th>
                <Table.Th>Oldest</Table.Th>
                <Table.Th>Last statement</Table.Th>
                <Table.Th>Last contact</Table.Th>
                <Table.Th>Promise</Table.Th>
                <Table.Th>Plan</Table.Th>
                <Table.Th>Agency</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.items.map((r) => (
                <WorklistRow key={r.guarantorKey} row={r} onOpen={() => setOpen(r.guarantorKey)} />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Group>
        {cursors.length > 0 && (
          <Button variant="default" onClick={() => setCursors(cursors.slice(0, -1))}>
            Previous page
          </Button>
        )}
        {list.data?.nextCursor && (
          <Button variant="default" onClick={() => setCursors([...cursors, list.data.nextCursor as string])}>
            Next page
          </Button>
        )}
      </Group>
      <Modal
        opened={openRow !== null}
        onClose={() => setOpen(null)}
        title="Guarantor account"
        size="lg"
        closeButtonProps={{ 'aria-label': 'Close' }}
      >
        {openRow && <GuarantorPanel row={openRow} />}
      </Modal>
      <Modal
        opened={writingOff}
        onClose={() => setWritingOff(false)}
        title="Small-balance write-off"
        closeButtonProps={{ 'aria-label': 'Close' }}
      >
        {writingOff && <WriteOffDialog onDone={() => setWritingOff(false)} />}
      </Modal>
    </Stack>
  );
}

function WorklistRow(props: { row: WorklistItem; onOpen(): void }) {
  const r = props.row;
  return (
    <Table.Tr data-testid="collections-row">
      <Table.Td>
        <Button variant="subtle" size="compact-sm" onClick={props.onOpen} aria-label={`Open the account of ${r.guarantorName}`}>
          {r.guarantorName}
        </Button>
        {r.patients.length > 1 && (
          <Text size="xs" c="dimmed">
            {r.patients.length} patients
          </Text>
        )}
      </Table.Td>
      <Table.Td>{money(r.balanceCents)}</Table.Td>
      <Table.Td>
        <Badge variant="light" color={r.bucket === '0-30' ? 'gray' : r.bucket === '31-60' ? 'yellow' : 'red'}>
          {r.bucket} days
        </Badge>
      </Table.Td>
      <Table.Td>{r.lastStatement ? `${r.lastStatement.on} (${LEVEL_LABELS[r.lastStatement.level]})` : '—'}</Table.Td>
      <Table.Td>
        {r.lastContact
          ? `${new Date(r.lastContact.at).toLocaleDateString('en-US', { month: 'short', day: 'numeric' })}: ${CONTACT_LABELS[r.lastContact.type]}`
          : '—'}
        {r.followUpOn && (
          <Text size="xs" c="dimmed">
            Follow up {r.followUpOn}
          </Text>
        )}
      </Table.Td>
      <Table.Td>{r.promise ? `${money(r.promise.amountCents)} by ${r.promise.on}, ${PROMISE_LABELS[r.promise.status]}` : '—'}</Table.Td>
      <Table.Td>
        {r.planStatus ? PLAN_STATUS_LABELS[r.planStatus] : '—'}
        {r.missedInstallment && (
          <Badge ml={4} color="red" variant="light" size="sm">
            Missed installment
          </Badge>
        )}
      </Table.Td>
      <Table.Td>{AGENCY_LABELS[r.agencyStatus]}</Table.Td>
    </Table.Tr>
  );
}
