/**
 * The denial queue: denied claim lines from posted remittances, oldest first, filtered by reason
 * (CARC), payer and age. Keyboard-first like the charge review: ↑/↓ (or j/k) select a row, Enter
 * opens its claim, where the biller replaces it (frequency 7, a draft to correct), prints an
 * appeal letter or writes it off. `w` writes off the selected claim from here (with a reason).
 */
import { Alert, Badge, Group, Loader, Modal, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { api, unwrap } from '../../api/client.ts';
import { useKeyboardList } from '../../app/use-keyboard-list.ts';
import { useCan } from '../auth/use-me.ts';
import { WriteOffForm } from './AfterPayerActions.tsx';
import { CLAIM_STATUS_COLORS, CLAIM_STATUS_LABELS, money, shortDate } from './claims-api.ts';
import { type Denial, denialQuery, type DenialFilter } from './denials-api.ts';
import { claimKeys } from './query-keys.ts';

const AGES = [
  { value: '', label: 'Any age' },
  { value: '30', label: 'Older than 30 days' },
  { value: '60', label: 'Older than 60 days' },
  { value: '90', label: 'Older than 90 days' },
];

export function DenialsPage() {
  const can = useCan();
  const navigate = useNavigate();
  const [filter, setFilter] = useState<DenialFilter>({ reason: '', payerId: '', age: '' });
  const [writingOff, setWritingOff] = useState<Denial | null>(null);
  const payers = useQuery({
    queryKey: [...claimKeys.denials(), 'payers'],
    queryFn: () => unwrap(api.GET('/api/payers', { params: { query: {} } })),
  });
  const list = useQuery({ queryKey: claimKeys.denialList(filter), queryFn: () => denialQuery(filter) });
  const items = list.data?.items ?? [];
  const open = (d: Denial) => void navigate(`/billing/claims/${d.claimId}`);
  const { select, rowProps } = useKeyboardList('Denials', items, {
    noun: 'denial',
    enter: { label: "Open the selected denial's claim", run: open },
    keys: [
      {
        keys: ['w'],
        label: "Write off the selected denial's claim",
        run: setWritingOff,
        when: (d) => can('claim:write-off') && d.status !== 'closed',
      },
    ],
  });
  const set = (patch: Partial<DenialFilter>) => {
    setFilter((f) => ({ ...f, ...patch }));
    select(0);
  };
  return (
    <Stack>
      <Title order={1}>Denials</Title>
      <Text size="sm" c="dimmed">
        Denied lines from posted remittances, oldest first. ↑/↓ select, Enter opens the claim (replace, appeal letter, write off), W writes
        it off (? lists every key).
      </Text>
      <Group align="flex-end">
        <TextInput
          label="Reason code"
          placeholder="e.g. 50"
          value={filter.reason}
          onChange={(e) => set({ reason: e.currentTarget.value.trim().toUpperCase() })}
          w={140}
        />
        <Select
          label="Payer"
          data={[{ value: '', label: 'Any payer' }, ...(payers.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))]}
          value={filter.payerId}
          onChange={(v) => set({ payerId: v ?? '' })}
          allowDeselect={false}
          w={240}
        />
        <Select label="Age" data={AGES} value={filter.age} onChange={(v) => set({ age: v ?? '' })} allowDeselect={false} w={200} />
      </Group>
      {list.isPending && <Loader aria-label="Loading denials" />}
      {list.isError && <Alert color="red">{list.error.message}</Alert>}
      {list.data && items.length === 0 && <Text>No denials match.</Text>}
      {items.length > 0 && (
        <Table.ScrollContainer minWidth={900}>
          <Table striped highlightOnHover aria-label="Denials" data-testid="denial-list">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Denied</Table.Th>
                <Table.Th>Patient</Table.Th>
                <Table.Th>Payer</Table.Th>
                <Table.Th>Claim</Table.Th>
                <Table.Th>Line</Table.Th>
                <Table.Th>Reason</Table.Th>
                <Table.Th ta="right">Amount</Table.Th>
                <Table.Th>Claim state</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((d, i) => (
                <Table.Tr key={d.key} {...rowProps(i)} onDoubleClick={() => open(d)} data-testid="denial-row">
                  <Table.Td>
                    {shortDate(d.deniedOn)} ({d.ageDays} d)
                  </Table.Td>
                  <Table.Td>{d.patientName}</Table.Td>
                  <Table.Td>{d.payerName}</Table.Td>
                  <Table.Td>{d.patientControlNumber}</Table.Td>
                  <Table.Td>{d.line}</Table.Td>
                  <Table.Td>
                    {d.group}-{d.reasonCode}
                    {d.reasonText ? `: ${d.reasonText}` : ''}
                  </Table.Td>
                  <Table.Td ta="right">{money(d.amountCents)}</Table.Td>
                  <Table.Td>
                    <Badge color={CLAIM_STATUS_COLORS[d.status] ?? 'gray'} variant="light">
                      {CLAIM_STATUS_LABELS[d.status] ?? d.status}
                    </Badge>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Modal opened={writingOff !== null} onClose={() => setWritingOff(null)} title="Write off the claim">
        {writingOff && (
          <WriteOffForm
            claim={{ id: writingOff.claimId, patientControlNumber: writingOff.patientControlNumber, left: null }}
            onDone={() => setWritingOff(null)}
          />
        )}
      </Modal>
    </Stack>
  );
}
