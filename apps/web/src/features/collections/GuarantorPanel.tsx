/** One guarantor from the worklist: their patients and balances, the contact log, logging a contact, payment plans, the agency. */
import { Alert, Badge, Button, Divider, Group, List, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/client.ts';
import { useSubmit } from '../../api/use-submit.ts';
import { money } from '../../app/money.ts';
import { useCan } from '../auth/use-me.ts';
import { FormError } from '../followups/fields.tsx';
import { AGENCY_LABELS, CONTACT_LABELS, contactsQuery, type WorklistItem } from './collections-api.ts';
import { LogContactForm } from './LogContactForm.tsx';
import { PaymentPlans } from './PaymentPlans.tsx';
import { collectionKeys } from './query-keys.ts';

export function GuarantorPanel(props: { row: WorklistItem }) {
  const { row } = props;
  const can = useCan();
  const log = useQuery(contactsQuery(row.guarantorKey));
  const sending = useSubmit(() => api.POST('/api/collections/agency', { body: { guarantorKeys: [row.guarantorKey] } }), {
    invalidate: [collectionKeys.worklists()],
  });
  const [returnReason, setReturnReason] = useState('');
  const returning = useSubmit(
    () => api.POST('/api/collections/agency/return', { body: { guarantorKey: row.guarantorKey, reason: returnReason.trim() } }),
    { invalidate: [collectionKeys.worklists()], onSuccess: () => setReturnReason('') },
  );
  return (
    <Stack gap="sm" data-testid="guarantor-panel">
      <Group justify="space-between">
        <Text fw={600}>
          {row.guarantorName}: owes {money(row.balanceCents)} (oldest {row.bucket} days)
        </Text>
        {row.agencyStatus !== 'none' && <Badge color="orange">{AGENCY_LABELS[row.agencyStatus]}</Badge>}
      </Group>
      <List size="sm" aria-label="Patients on this account">
        {row.patients.map((p) => (
          <List.Item key={p.id}>
            {p.name}: {money(p.balanceCents)}
          </List.Item>
        ))}
      </List>
      {can('collections:manage') && row.agencyStatus !== 'sent' && (
        <Group>
          <Button size="compact-sm" variant="default" color="orange" loading={sending.busy} onClick={() => void sending.submit()}>
            Send to agency
          </Button>
        </Group>
      )}
      <FormError error={sending.error} />
      {can('collections:manage') && row.agencyStatus === 'sent' && (
        <Group align="flex-end">
          <TextInput
            size="xs"
            label={`Why the agency returned ${row.guarantorName}'s account`}
            value={returnReason}
            onChange={(e) => setReturnReason(e.currentTarget.value)}
            maxLength={500}
          />
          <Button
            size="compact-sm"
            variant="default"
            loading={returning.busy}
            disabled={returnReason.trim().length === 0}
            onClick={() => void returning.submit()}
          >
            Returned by agency
          </Button>
        </Group>
      )}
      <FormError error={returning.error} />
      <Divider />
      <Title order={3} size="h5">
        Contact log
      </Title>
      {log.isError && <Alert color="red">{log.error.message}</Alert>}
      {log.data?.length === 0 && <Text size="sm">No contact yet.</Text>}
      {log.data && log.data.length > 0 && (
        <List size="sm" spacing={2} aria-label="Contact log">
          {log.data.map((c) => (
            <List.Item key={c.id}>
              {new Date(c.createdAt).toLocaleString('en-US', { dateStyle: 'medium', timeStyle: 'short' })}: {CONTACT_LABELS[c.type]}
              {c.note ? `: ${c.note}` : ''}
              {c.promiseOn && c.promiseCents !== null ? ` (promised ${money(c.promiseCents)} by ${c.promiseOn})` : ''}
              {c.followUpOn ? ` · follow up ${c.followUpOn}` : ''}
            </List.Item>
          ))}
        </List>
      )}
      {can('collections:manage') && <LogContactForm guarantorKey={row.guarantorKey} />}
      <Divider />
      <Title order={3} size="h5">
        Payment plans
      </Title>
      {row.patients.map((p) => (
        <PaymentPlans key={p.id} patientId={p.id} patientName={p.name} />
      ))}
    </Stack>
  );
}
