/**
 * Credentials of providers and staff, soonest expiry first: all, or the expired and those
 * expiring within 90 or 30 days. "Add credential" records one; "Renew" sets the new expiry
 * (If-Match), which lifts a booking refusal at once.
 */
import { Alert, Badge, Button, Group, Loader, Modal, SegmentedControl, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { fieldErrors } from '../../api/problem.ts';
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
      {list.isPending && <Loader aria-label="Loading credentials" />}
      {list.isError && <Alert color="red">{list.error.message}</Alert>}
      {list.data?.items.length === 0 && (
        <Text>{filter === 'all' ? 'No credentials recorded yet.' : 'Nothing expired or expiring in that time.'}</Text>
      )}
      {list.data && list.data.items.length > 0 && (
        <Table.ScrollContainer minWidth={720}>
          <Table striped aria-label="Credentials" data-testid="credential-list">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Who</Table.Th>
                <Table.Th>Credential</Table.Th>
                <Table.Th>Number</Table.Th>
                <Table.Th>Expires</Table.Th>
                <Table.Th>
                  <span className="visually-hidden">Actions</span>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.items.map((c) => (
                <Table.Tr key={c.id} data-testid="credential-row">
                  <Table.Td>{c.holderName}</Table.Td>
                  <Table.Td>
                    {KIND_LABELS[c.kind]}
                    {c.state ? ` (${c.state})` : ''}
                    {c.issuer && (
                      <Text size="xs" c="dimmed">
                        {c.issuer}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{c.number}</Table.Td>
                  <Table.Td>
                    {c.expiresOn}
                    <Badge ml={6} size="sm" variant="light" color={STATUS_COLORS[c.status]}>
                      {daysLeftText(c)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    {can('credential:manage') && (
                      <Button
                        size="compact-sm"
                        variant="light"
                        onClick={() => setRenewing(c)}
                        aria-label={`Renew ${KIND_LABELS[c.kind]} of ${c.holderName}`}
                      >
                        Renew
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
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
  const [errors, setErrors] = useState<Record<string, string>>({});
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
      onProblem: (problem) => {
        setErrors(fieldErrors(problem));
        return problem.detail;
      },
    },
  );
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        setErrors({});
        void saving.submit();
      }}
    >
      <Stack gap="sm">
        <Select
          label="Whose"
          data={holders}
          value={holder}
          onChange={setHolder}
          searchable
          required
          error={errors.providerId ?? errors.userId}
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
            error={errors.state}
            required={kind === 'license'}
          />
        </Group>
        <TextInput label="Number" value={number} onChange={(e) => setNumber(e.currentTarget.value)} required error={errors.number} />
        <TextInput label="Issued by" value={issuer} onChange={(e) => setIssuer(e.currentTarget.value)} error={errors.issuer} />
        <TextInput
          type="date"
          label="Expires on"
          value={expiresOn}
          onChange={(e) => setExpiresOn(e.currentTarget.value)}
          required
          error={errors.expiresOn}
        />
        {saving.error && (
          <Alert color="red" role="alert">
            {saving.error}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button type="submit" loading={saving.busy}>
            Add credential
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function RenewForm(props: { credential: Credential; onSaved(): void }) {
  const c = props.credential;
  const [expiresOn, setExpiresOn] = useState('');
  const [number, setNumber] = useState(c.number);
  const [errors, setErrors] = useState<Record<string, string>>({});
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
      onProblem: (problem) => {
        setErrors(fieldErrors(problem));
        return problem.detail;
      },
    },
  );
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        setErrors({});
        void saving.submit();
      }}
    >
      <Stack gap="sm">
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
          error={errors.expiresOn}
          data-autofocus
        />
        <TextInput label="Number" value={number} onChange={(e) => setNumber(e.currentTarget.value)} required error={errors.number} />
        {saving.error && (
          <Alert color="red" role="alert">
            {saving.error}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button type="submit" loading={saving.busy}>
            Renew
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
