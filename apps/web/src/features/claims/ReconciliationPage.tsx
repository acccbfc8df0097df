/**
 * Reconciliation: remittance claims whose patient control number matched none of ours. Match one
 * to a claim (by its number: the payment then posts to it) or dismiss it with a reason.
 */
import { Alert, Button, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { useSubmit } from '../../api/use-submit.ts';
import { money } from './claims-api.ts';
import { claimKeys } from './query-keys.ts';

export function ReconciliationPage() {
  const list = useQuery({
    queryKey: claimKeys.unmatched(),
    queryFn: () => unwrap(api.GET('/api/remittances/unmatched', { params: { query: {} } })),
  });
  const [claimNumber, setClaimNumber] = useState<Record<string, string>>({});
  const [reason, setReason] = useState<Record<string, string>>({});
  const resolve = useSubmit(
    async (id: string, body: { action: 'match'; claimId: string } | { action: 'dismiss'; reason: string }) =>
      api.POST('/api/remittances/unmatched/{id}/resolve', { params: { path: { id } }, body }),
    { invalidate: [claimKeys.all] },
  );
  const match = async (id: string) => {
    const pcn = (claimNumber[id] ?? '').trim().toUpperCase();
    const found = await unwrap(api.GET('/api/claims', { params: { query: { patientControlNumber: pcn, limit: 1 } } }));
    const claim = found.items[0];
    if (!claim) {
      setClaimNumber((m) => ({ ...m, [`${id}:error`]: `No claim ${pcn}.` }));
      return;
    }
    await resolve.submit(id, { action: 'match', claimId: claim.id });
  };
  const items = list.data?.items ?? [];
  return (
    <Stack>
      <Title order={1}>Reconciliation</Title>
      <Text size="sm" c="dimmed">
        Remittance claims that matched none of ours. Enter our claim number to post the payment to it, or dismiss with a reason.
      </Text>
      {resolve.error && <Alert color="red">{resolve.error}</Alert>}
      {items.length === 0 && !list.isLoading && <Text>Nothing to reconcile.</Text>}
      {items.length > 0 && (
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Payer claim</Table.Th>
              <Table.Th>Payer · trace</Table.Th>
              <Table.Th>Paid</Table.Th>
              <Table.Th>Why</Table.Th>
              <Table.Th>Resolve</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((u) => {
              // Every row's fields and buttons name the remittance claim (distinct accessible names).
              const which = `remittance claim ${u.patientControlNumber}${u.patientName ? ` (${u.patientName})` : ''}`;
              return (
                <Table.Tr key={u.id}>
                  <Table.Td>
                    {u.patientControlNumber}
                    {u.patientName ? ` · ${u.patientName}` : ''}
                  </Table.Td>
                  <Table.Td>
                    {u.payerName} · {u.traceNumber}
                  </Table.Td>
                  <Table.Td>{money(u.paidCents)}</Table.Td>
                  <Table.Td>{u.reason}</Table.Td>
                  <Table.Td>
                    <Group gap="xs" align="flex-end">
                      <TextInput
                        label="Our claim number"
                        aria-label={`Our claim number for ${which}`}
                        size="xs"
                        value={claimNumber[u.id] ?? ''}
                        error={claimNumber[`${u.id}:error`]}
                        onChange={(e) => {
                          // Read the value now: React clears currentTarget before the updater runs.
                          const value = e.currentTarget.value;
                          setClaimNumber((m) => ({ ...m, [u.id]: value, [`${u.id}:error`]: '' }));
                        }}
                      />
                      <Button
                        size="xs"
                        aria-label={`Match ${which}`}
                        disabled={!claimNumber[u.id]}
                        loading={resolve.busy}
                        onClick={() => void match(u.id)}
                      >
                        Match
                      </Button>
                      <TextInput
                        label="Reason to dismiss"
                        aria-label={`Reason to dismiss ${which}`}
                        size="xs"
                        value={reason[u.id] ?? ''}
                        onChange={(e) => {
                          const value = e.currentTarget.value;
                          setReason((m) => ({ ...m, [u.id]: value }));
                        }}
                      />
                      <Button
                        size="xs"
                        variant="default"
                        aria-label={`Dismiss ${which}`}
                        disabled={!reason[u.id]?.trim()}
                        loading={resolve.busy}
                        onClick={() => void resolve.submit(u.id, { action: 'dismiss', reason: reason[u.id] ?? '' })}
                      >
                        Dismiss
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
