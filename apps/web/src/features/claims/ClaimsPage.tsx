/**
 * The biller's claims: a tab per state (←/→ move between tabs), the claims of that state newest
 * first (↑/↓ or j/k select, Enter opens the claim), "Create claim" from a signed visit with
 * approved charges, and ready claims selected (space or the checkbox) into an 837P batch whose
 * file downloads from the batch list.
 */
import { Alert, Anchor, Badge, Button, Checkbox, Group, Loader, Modal, Stack, Table, Tabs, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { api, unwrap } from '../../api/client.ts';
import { useSubmit } from '../../api/use-submit.ts';
import { useShortcuts } from '../../app/shortcuts.ts';
import { useCan } from '../auth/use-me.ts';
import { CLAIM_STATUS_COLORS, CLAIM_STATUS_LABELS, type ClaimStatus, money, shortDate } from './claims-api.ts';
import { claimKeys } from './query-keys.ts';

const TABS = Object.keys(CLAIM_STATUS_LABELS) as ClaimStatus[];

export function ClaimsPage() {
  const can = useCan();
  const canSubmit = can('claim:submit');
  const [status, setStatus] = useState<ClaimStatus>('draft');
  const [creating, setCreating] = useState(false);
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>Claims</Title>
        {canSubmit && <Button onClick={() => setCreating(true)}>Create claim</Button>}
      </Group>
      <Text size="sm" c="dimmed">
        ←/→ change the state, ↑/↓ select a claim, Enter opens it, Space picks a ready claim for a batch (? lists every key).
      </Text>
      <Tabs value={status} onChange={(v) => v && setStatus(v as ClaimStatus)} keepMounted={false}>
        <Tabs.List aria-label="Claim states">
          {TABS.map((s) => (
            <Tabs.Tab key={s} value={s}>
              {CLAIM_STATUS_LABELS[s]}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {TABS.map((s) => (
          <Tabs.Panel key={s} value={s} pt="md">
            <ClaimTable status={s} canSubmit={canSubmit} />
          </Tabs.Panel>
        ))}
      </Tabs>
      <BatchList />
      <Modal opened={creating} onClose={() => setCreating(false)} title="Create a claim from a signed visit" size="xl">
        <Candidates onDone={() => setCreating(false)} />
      </Modal>
    </Stack>
  );
}

function ClaimTable({ status, canSubmit }: { status: ClaimStatus; canSubmit: boolean }) {
  const navigate = useNavigate();
  const [selected, setSelected] = useState(0);
  const [picked, setPicked] = useState<Set<string>>(new Set());
  const rows = useRef<(HTMLTableRowElement | null)[]>([]);
  const list = useQuery({
    queryKey: claimKeys.list(status),
    queryFn: () => unwrap(api.GET('/api/claims', { params: { query: { status, limit: 200 } } })),
  });
  const items = list.data?.items ?? [];
  const current = items[Math.min(selected, items.length - 1)];
  useEffect(() => {
    if (selected >= items.length && items.length > 0) setSelected(items.length - 1);
  }, [items.length, selected]);
  const batching = useSubmit((claimIds: string[]) => api.POST('/api/claim-batches', { body: { claimIds } }), {
    invalidate: [claimKeys.lists(), claimKeys.batches()],
    onSuccess: (b) => {
      setPicked(new Set());
      notifications.show({
        color: b.outboxError ? 'orange' : 'green',
        message: `Batch ${b.interchangeControlNumber} submitted: ${b.claimCount} claim(s), ${money(b.totalChargeCents)}${b.outboxError ? ' (not written to the outbox: see the batch list)' : ''}`,
      });
    },
  });
  const toggle = (id: string) =>
    setPicked((p) => {
      const next = new Set(p);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const move = (by: number) => {
    const next = Math.max(0, Math.min(items.length - 1, selected + by));
    setSelected(next);
    rows.current[next]?.focus();
  };
  const onRow = (e: { target: EventTarget | null }) =>
    !(e.target instanceof HTMLButtonElement || e.target instanceof HTMLInputElement || e.target instanceof HTMLAnchorElement);
  useShortcuts('Claims', [
    { keys: ['ArrowDown', 'j'], label: 'Next claim', run: () => move(1), when: () => items.length > 0 },
    { keys: ['ArrowUp', 'k'], label: 'Previous claim', run: () => move(-1), when: () => items.length > 0 },
    {
      keys: ['Enter'],
      label: 'Open the selected claim',
      run: () => current && navigate(`/billing/claims/${current.id}`),
      when: (e) => onRow(e) && current !== undefined,
    },
    {
      keys: [' '],
      label: 'Pick the selected ready claim for a batch',
      run: () => current && toggle(current.id),
      when: (e) => onRow(e) && canSubmit && current?.status === 'ready',
    },
  ]);

  if (list.isPending) return <Loader aria-label="Loading claims" />;
  if (list.isError) return <Alert color="red">{list.error.message}</Alert>;
  if (items.length === 0) return <Text>No {CLAIM_STATUS_LABELS[status].toLowerCase()} claims.</Text>;
  return (
    <Stack>
      {status === 'ready' && canSubmit && (
        <Group>
          <Button disabled={picked.size === 0} loading={batching.busy} onClick={() => void batching.submit([...picked])}>
            Create batch ({picked.size})
          </Button>
          <Button variant="default" onClick={() => setPicked(new Set(items.map((c) => c.id)))}>
            Pick all
          </Button>
        </Group>
      )}
      {batching.error && (
        <Alert color="red" role="alert">
          {batching.error}
        </Alert>
      )}
      <Table.ScrollContainer minWidth={760}>
        <Table striped highlightOnHover aria-label={`${CLAIM_STATUS_LABELS[status]} claims`} data-testid="claim-list">
          <Table.Thead>
            <Table.Tr>
              {status === 'ready' && canSubmit && (
                <Table.Th>
                  <span className="visually-hidden">In batch</span>
                </Table.Th>
              )}
              <Table.Th>Claim</Table.Th>
              <Table.Th>Seen</Table.Th>
              <Table.Th>Patient</Table.Th>
              <Table.Th>Payer</Table.Th>
              <Table.Th ta="right">Billed</Table.Th>
              <Table.Th>State</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((c, i) => (
              <Table.Tr
                key={c.id}
                ref={(el) => {
                  rows.current[i] = el;
                }}
                tabIndex={i === selected ? 0 : -1}
                aria-selected={i === selected}
                onFocus={() => setSelected(i)}
                onClick={() => setSelected(i)}
                bg={i === selected ? 'var(--mantine-color-blue-light)' : undefined}
              >
                {status === 'ready' && canSubmit && (
                  <Table.Td>
                    <Checkbox
                      checked={picked.has(c.id)}
                      onChange={() => toggle(c.id)}
                      aria-label={`Put claim ${c.patientControlNumber} in the batch`}
                    />
                  </Table.Td>
                )}
                <Table.Td>
                  <Anchor component={Link} to={`/billing/claims/${c.id}`}>
                    {c.patientControlNumber}
                  </Anchor>
                </Table.Td>
                <Table.Td>{shortDate(c.dateOfService)}</Table.Td>
                <Table.Td>{c.patientName}</Table.Td>
                <Table.Td>{c.payerName}</Table.Td>
                <Table.Td ta="right">{money(c.totalChargeCents)}</Table.Td>
                <Table.Td>
                  <Badge color={CLAIM_STATUS_COLORS[c.status]} variant="light">
                    {CLAIM_STATUS_LABELS[c.status]}
                  </Badge>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

function Candidates({ onDone }: { onDone: () => void }) {
  const navigate = useNavigate();
  const list = useQuery({ queryKey: claimKeys.candidates(), queryFn: () => unwrap(api.GET('/api/claims/candidates')) });
  const creating = useSubmit((encounterId: string) => api.POST('/api/claims', { body: { encounterId } }), {
    invalidate: [claimKeys.lists(), claimKeys.candidates()],
    onSuccess: (claim) => {
      onDone();
      navigate(`/billing/claims/${claim.id}`);
    },
  });
  if (list.isPending) return <Loader aria-label="Loading visits" />;
  if (list.isError) return <Alert color="red">{list.error.message}</Alert>;
  const items = list.data.items;
  if (items.length === 0)
    return <Text>No signed visit with approved charges is waiting for a claim. Approve charges in Charge review first.</Text>;
  return (
    <Stack>
      {creating.error && (
        <Alert color="red" role="alert">
          {creating.error}
        </Alert>
      )}
      <Table aria-label="Visits to claim">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Seen</Table.Th>
            <Table.Th>Patient</Table.Th>
            <Table.Th>Lines</Table.Th>
            <Table.Th ta="right">Approved</Table.Th>
            <Table.Th>
              <span className="visually-hidden">Actions</span>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((c) => (
            <Table.Tr key={c.encounterId}>
              <Table.Td>{shortDate(c.dateOfService)}</Table.Td>
              <Table.Td>{c.patientName}</Table.Td>
              <Table.Td>{c.lines}</Table.Td>
              <Table.Td ta="right">{money(c.totalCents)}</Table.Td>
              <Table.Td>
                <Button
                  size="compact-sm"
                  loading={creating.busy}
                  onClick={() => void creating.submit(c.encounterId)}
                  aria-label={`Create the claim for ${c.patientName}, seen ${shortDate(c.dateOfService)}`}
                >
                  Create claim
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

function BatchList() {
  const list = useQuery({
    queryKey: claimKeys.batches(),
    queryFn: () => unwrap(api.GET('/api/claim-batches', { params: { query: { limit: 20 } } })),
  });
  const items = list.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <Stack gap="xs">
      <Title order={2}>Batches</Title>
      <Table aria-label="837P batches">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Interchange</Table.Th>
            <Table.Th>Built</Table.Th>
            <Table.Th>Claims</Table.Th>
            <Table.Th ta="right">Billed</Table.Th>
            <Table.Th>Outbox</Table.Th>
            <Table.Th>Clearinghouse</Table.Th>
            <Table.Th>
              <span className="visually-hidden">Download</span>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((b) => (
            <Table.Tr key={b.id}>
              <Table.Td>{b.interchangeControlNumber}</Table.Td>
              <Table.Td>{new Date(b.createdAt).toLocaleString()}</Table.Td>
              <Table.Td>{b.claimCount}</Table.Td>
              <Table.Td ta="right">{money(b.totalChargeCents)}</Table.Td>
              <Table.Td>
                {b.outboxError ? (
                  <Text c="red.8" size="sm">
                    {b.outboxError}
                  </Text>
                ) : b.outboxPath ? (
                  'Written'
                ) : (
                  'Not written'
                )}
              </Table.Td>
              <Table.Td>
                {!b.upload ? (
                  'Not configured'
                ) : b.upload.state === 'uploaded' ? (
                  `Uploaded ${b.upload.uploadedAt ? new Date(b.upload.uploadedAt).toLocaleString() : ''}`
                ) : (
                  <Text c={b.upload.state === 'failed' ? 'red.8' : undefined} size="sm">
                    {b.upload.state === 'failed' ? 'Upload failed' : 'Waiting to upload'}
                    {b.upload.error ? `: ${b.upload.error}` : ''}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Anchor href={`/api/claim-batches/${b.id}/837`} download={`837P-${b.interchangeControlNumber}.x12`}>
                  Download 837 <span className="visually-hidden">of batch {b.interchangeControlNumber}</span>
                </Anchor>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
