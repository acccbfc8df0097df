/**
 * Credentials of providers and staff, soonest expiry first: all, or the expired and those
 * expiring within 90 or 30 days. "Add credential" records one; "Renew" sets the new expiry
 * (If-Match), which lifts a booking refusal at once.
 */
import { Badge, Button, Group, Modal, SegmentedControl, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { ListTable } from '../../app/ListTable.tsx';
import { ProblemForm } from '../../app/ProblemForm.tsx';
import { useSubmit } from '../../api/use-submit.ts';
import { useCan } from '../auth/use-me.ts';
import { useProviders } from '../schedule/schedule-api.ts';
import { useAssigneeOptions } from '../tasks/use-assignees.ts';
import { type Credential, type CredentialKind, daysLeftText, KIND_LABELS, STATUS_COLORS } from './credentials-api.ts';
import { credentialKeys } from './query-keys.ts';

const FILTERS = [
  { value: 'all', label: 'All' },
  { value: '90', label: 'Expiring in 90 days' },
  { value: '30', label: 'Expiring in 30 days' },
];

export function CredentialsPage() {
  const can = useCan();
  const [filter, setFilter] = useState('90');
  const [adding, setAdding] = useState(false);
  const [renewing, setRenewing] = useState<Credential | null>(null);
  const list = useQuery({
    queryKey: credentialKeys.list({ filter }),
    queryFn: () =>
      unwrap(
        api.GET('/api/credentials', { params: { query: { limit: 200, ...(filter !== 'all' && { expiringWithinDays: Number(filter) }) } } }),
      ),
  });
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>Credentials</Title>
        {can('credential:manage') && (
          <Button leftSection={<IconPlus size={16} />} variant="default" onClick={() => setAdding(true)}>
            Add credential
          </Button>
        )}
      </Group>
      <SegmentedControl data={FILTERS} value={filter} onChange={setFilter} aria-label="Which credentials" />
      <ListTable
        aria-label="Credentials"
        data-testid="credential-list"
        minWidth={720}
        query={list}
        loadingLabel="Loading credentials"
        rows={list.data?.items}
        rowKey={(c) => c.id}
        rowTestId="credential-row"
        empty={filter === 'all' ? 'No credentials recorded yet.' : 'Nothing expired or expiring in that time.'}
        columns={[
          { header: 'Who', cell: (c) => c.holderName },
          {
            header: 'Credential',
            cell: (c) => (
              <>
                {KIND_LABELS[c.kind]}
                {c.state ? ` (${c.state})` : ''}
                {c.issuer && (
                  <Text size="xs" c="dimmed">
                    {c.issuer}
                  </Text>
                )}
              </>
            ),
          },
          { header: 'Number', cell: (c) => c.number },
          {
            header: 'Expires',
            cell: (c) => (
              <>
                {c.expiresOn}
                <Badge ml={6} size="sm" variant="light" color={STATUS_COLORS[c.status]}>
                  {daysLeftText(c)}
                </Badge>
              </>
            ),
          },
        ]}
        actions={(c) =>
          can('credential:manage') && (
            <Button
              size="compact-sm"
              variant="light"
              onClick={() => setRenewing(c)}
              aria-label={`Renew ${KIND_LABELS[c.kind]} of ${c.holderName}`}
            >
              Renew
            </Button>
          )
        }
      />
      <Modal opened={adding} onClose={() => setAdding(false)} title="Add credential">
        {adding && <AddCredentialForm onSaved={() => setAdding(false)} />}
      </Modal>
      <Modal opened={renewing !== null} onClose={() => setRenewing(null)} title="Renew credential">
        {renewing && <RenewForm credential={renewing} onSaved={() => setRenewing(null)} />}
      </Modal>
    </Stack>
  );
}

function AddCredentialForm(props: { onSaved(): void }) {
  const providers = useProviders();
  const staff = useAssigneeOptions();
  const [holder, setHolder] = useState<string | null>(null);
  const [kind, setKind] = useState<CredentialKind>('license');
  const [number, setNumber] = useState('');
  const [state, setState] = useState('');
  const [issuer, setIssuer] = useState('');
  const [expiresOn, setExpiresOn] = useState('');
  const holders = [
    {
      group: 'Providers',
      items: (providers.data ?? []).map((p) => ({ value: `provider:${p.id}`, label: `${p.givenName} ${p.familyName}` })),
    },
    { group: 'Staff', items: staff.map((s) => ({ value: `user:${s.value}`, label: s.label })) },
  ];
  const saving = useSubmit(
    () => {
      const [type, id] = (holder ?? ':').split(':');
      return api.POST('/api/credentials', {
        body: {
          ...(type === 'provider' && id && { providerId: id }),
          ...(type === 'user' && id && { userId: id }),
          kind,
          number,
          ...(state && { state: state.toUpperCase() }),
          issuer,
          expiresOn,
        },
      });
    },
    {
      invalidate: [credentialKeys.lists()],
      onSuccess: (c) => {
        notifications.show({ color: 'green', message: `Recorded: ${KIND_LABELS[c.kind]} of ${c.holderName}` });
        props.onSaved();
      },
    },
  );
  return (
    <ProblemForm saving={saving} submitLabel="Add credential">
      <Select
        label="Whose"
        data={holders}
        value={holder}
        onChange={setHolder}
        searchable
        required
        error={saving.errors.providerId ?? saving.errors.userId}
        data-autofocus
      />
      <Group grow align="flex-start">
        <Select
          label="Credential"
          data={Object.entries(KIND_LABELS).map(([value, label]) => ({ value, label }))}
          value={kind}
          onChange={(v) => v && setKind(v as CredentialKind)}
          allowDeselect={false}
        />
        <TextInput
          label="State"
          value={state}
          onChange={(e) => setState(e.currentTarget.value)}
          maxLength={2}
          error={saving.errors.state}
          required={kind === 'license'}
        />
      </Group>
      <TextInput label="Number" value={number} onChange={(e) => setNumber(e.currentTarget.value)} required error={saving.errors.number} />
      <TextInput label="Issued by" value={issuer} onChange={(e) => setIssuer(e.currentTarget.value)} error={saving.errors.issuer} />
      <TextInput
        type="date"
        label="Expires on"
        value={expiresOn}
        onChange={(e) => setExpiresOn(e.currentTarget.value)}
        required
        error={saving.errors.expiresOn}
      />
    </ProblemForm>
  );
}

function RenewForm(props: { credential: Credential; onSaved(): void }) {
  const c = props.credential;
  const [expiresOn, setExpiresOn] = useState('');
  const [number, setNumber] = useState(c.number);
  const saving = useSubmit(
    () =>
      api.PATCH('/api/credentials/{id}', {
        params: { path: { id: c.id } },
        headers: { 'if-match': `"${c.version}"` },
        body: { expiresOn, ...(number !== c.number && { number }) },
      }),
    {
      invalidate: [credentialKeys.lists()],
      onSuccess: (r) => {
        notifications.show({ color: 'green', message: `Renewed until ${r.expiresOn}` });
        props.onSaved();
      },
    },
  );
  return (
    <ProblemForm saving={saving} submitLabel="Renew">
      <Text size="sm">
        {KIND_LABELS[c.kind]}
        {c.state ? ` (${c.state})` : ''} of {c.holderName}, expiring {c.expiresOn}.
      </Text>
      <TextInput
        type="date"
        label="New expiry date"
        value={expiresOn}
        onChange={(e) => setExpiresOn(e.currentTarget.value)}
        required
        error={saving.errors.expiresOn}
        data-autofocus
      />
      <TextInput label="Number" value={number} onChange={(e) => setNumber(e.currentTarget.value)} required error={saving.errors.number} />
    </ProblemForm>
  );
}
