/**
 * Admin → Payers: the practice's payer list (what the coverage forms offer). Add a payer, edit
 * its name, EDI payer id, phone and filing limit, take it off the list and back (coverages
 * already naming it keep it). Needs payer:manage; every change is audited by the server.
 */
import { Alert, Badge, Button, Group, Modal, NumberInput, Select, Stack, Table, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../../../api/client.ts';
import { fieldErrors, type Problem, problemLine } from '../../../api/problem.ts';
import type { paths } from '../../../api/schema';
import { useSubmit } from '../../../api/use-submit.ts';
import { displayPhone } from '../../../app/format-phone.ts';
import { payerKeys } from './query-keys.ts';

type Json<T> = T extends { content: { 'application/json': infer J } } ? J : never;
type Payer = Json<paths['/api/payers']['get']['responses'][200]>['items'][number];

const LABELS: Record<string, string> = {
  name: 'Name',
  ediPayerId: 'EDI payer id',
  phone: 'Phone',
  timelyFilingDays: 'Timely filing (days)',
  claimFilingIndicator: 'Claim filing indicator',
  active: 'Status',
};

type FilingIndicator = Payer['claimFilingIndicator'];

/** What a claim to the payer says the insurance is (837P SBR09), the common ones first. */
const FILING_INDICATORS: { value: FilingIndicator; label: string }[] = [
  { value: 'CI', label: 'CI · Commercial insurance' },
  { value: 'MB', label: 'MB · Medicare Part B' },
  { value: 'MA', label: 'MA · Medicare Part A' },
  { value: 'MC', label: 'MC · Medicaid' },
  { value: 'BL', label: 'BL · Blue Cross / Blue Shield' },
  { value: 'HM', label: 'HM · HMO' },
  { value: '16', label: '16 · HMO Medicare risk' },
  { value: '12', label: '12 · PPO' },
  { value: '13', label: '13 · Point of service (POS)' },
  { value: '14', label: '14 · Exclusive provider organization (EPO)' },
  { value: '15', label: '15 · Indemnity insurance' },
  { value: '11', label: '11 · Other non-federal program' },
  { value: '17', label: '17 · Dental maintenance organization' },
  { value: 'CH', label: 'CH · TRICARE (CHAMPUS)' },
  { value: 'VA', label: 'VA · Veterans Affairs plan' },
  { value: 'FI', label: 'FI · Federal Employees Program' },
  { value: 'OF', label: 'OF · Other federal program' },
  { value: 'TV', label: 'TV · Title V' },
  { value: 'WC', label: "WC · Workers' compensation" },
  { value: 'AM', label: 'AM · Automobile medical' },
  { value: 'LM', label: 'LM · Liability medical' },
  { value: 'DS', label: 'DS · Disability' },
  { value: 'ZZ', label: 'ZZ · Mutually defined' },
];

interface Draft {
  name: string;
  ediPayerId: string;
  phone: string;
  timelyFilingDays: number | string;
  claimFilingIndicator: FilingIndicator;
}

const emptyDraft: Draft = { name: '', ediPayerId: '', phone: '', timelyFilingDays: 365, claimFilingIndicator: 'CI' };

/** The body from the fields (blank optional fields as null). */
const bodyOf = (d: Draft) => ({
  name: d.name.trim(),
  ediPayerId: d.ediPayerId.trim() || null,
  phone: d.phone.trim() || null,
  timelyFilingDays: d.timelyFilingDays === '' ? 365 : Number(d.timelyFilingDays),
  claimFilingIndicator: d.claimFilingIndicator,
});

/** Name, EDI payer id, phone, filing limit and claim filing indicator, each with its own error line. */
function PayerFields(props: { draft: Draft; onChange: (d: Draft) => void; errors: Record<string, string>; autoFocus?: boolean }) {
  const { draft, onChange, errors } = props;
  return (
    <>
      <TextInput
        label="Name"
        required
        maxLength={200}
        value={draft.name}
        onChange={(e) => onChange({ ...draft, name: e.currentTarget.value })}
        error={errors.name}
        data-autofocus={props.autoFocus || undefined}
      />
      <TextInput
        label="EDI payer id"
        description="From the clearinghouse's payer list, e.g. 60054"
        maxLength={10}
        value={draft.ediPayerId}
        onChange={(e) => onChange({ ...draft, ediPayerId: e.currentTarget.value })}
        error={errors.ediPayerId}
      />
      <TextInput
        label="Phone"
        placeholder="(800) 555-0199"
        value={draft.phone}
        onChange={(e) => onChange({ ...draft, phone: e.currentTarget.value })}
        error={errors.phone}
      />
      <NumberInput
        label="Timely filing (days)"
        min={1}
        max={3650}
        allowDecimal={false}
        value={draft.timelyFilingDays}
        onChange={(v) => onChange({ ...draft, timelyFilingDays: v })}
        error={errors.timelyFilingDays}
      />
      <Select
        label="Claim filing indicator"
        description="What claims to this payer say the insurance is (837P SBR09)"
        data={FILING_INDICATORS}
        allowDeselect={false}
        value={draft.claimFilingIndicator}
        onChange={(v) => v && onChange({ ...draft, claimFilingIndicator: v as FilingIndicator })}
        error={errors.claimFilingIndicator}
      />
    </>
  );
}

export function PayersPage() {
  const [draft, setDraft] = useState<Draft>(emptyDraft);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [editing, setEditing] = useState<Payer | null>(null);
  const payers = useQuery({
    queryKey: payerKeys.withInactive(),
    queryFn: () => unwrap(api.GET('/api/payers', { params: { query: { includeInactive: 'true' } } })),
    select: (d) => d.items,
  });
  const failed = (p: Problem) => {
    setErrors(fieldErrors(p));
    return problemLine(p, LABELS, (path) => path in LABELS && path !== 'active');
  };
  const adding = useSubmit(() => api.POST('/api/payers', { body: bodyOf(draft) }), {
    invalidate: [payerKeys.all()],
    onSuccess: () => {
      setDraft(emptyDraft);
      setErrors({});
    },
    onProblem: failed,
  });
  const switching = useSubmit(
    (payer: Payer) =>
      api.PATCH('/api/payers/{id}', {
        params: { path: { id: payer.id } },
        body: { active: !payer.active },
        headers: { 'if-match': `"${payer.version}"` },
      }),
    {
      invalidate: [payerKeys.all()],
      onProblem: (p) =>
        p.status === 412 ? 'Someone changed this payer meanwhile: the list now shows their version.' : problemLine(p, LABELS),
    },
  );
  const error = adding.error ?? switching.error;
  return (
    <Stack gap="md" p="md">
      <Title order={1} size="h2">
        Payers
      </Title>
      {error && (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}
      {payers.isError && <Alert color="red">{payers.error.message}</Alert>}
      <Table.ScrollContainer minWidth={640}>
        <Table striped aria-label="Payers" data-testid="payers">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>EDI payer id</Table.Th>
              <Table.Th>Phone</Table.Th>
              <Table.Th>Timely filing</Table.Th>
              <Table.Th>Filing indicator</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>
                <span className="visually-hidden">Actions</span>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(payers.data ?? []).map((p) => (
              <Table.Tr key={p.id}>
                <Table.Td>{p.name}</Table.Td>
                <Table.Td>{p.ediPayerId ?? '—'}</Table.Td>
                <Table.Td>{p.phone ? displayPhone(p.phone) : '—'}</Table.Td>
                <Table.Td>{p.timelyFilingDays} days</Table.Td>
                <Table.Td>{p.claimFilingIndicator}</Table.Td>
                <Table.Td>{p.active ? <Badge color="green">On the list</Badge> : <Badge color="gray">Off the list</Badge>}</Table.Td>
                <Table.Td>
                  <Group gap="xs" justify="flex-end" wrap="nowrap">
                    <Button size="xs" variant="light" onClick={() => setEditing(p)} aria-label={`Edit ${p.name}`}>
                      Edit
                    </Button>
                    <Button
                      size="xs"
                      variant="default"
                      loading={switching.busy}
                      onClick={() => {
                        adding.reset();
                        void switching.submit(p);
                      }}
                    >
                      {p.active ? `Take ${p.name} off the list` : `Return ${p.name} to the list`}
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
            {payers.data?.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={6}>No payers yet: add the first one below.</Table.Td>
              </Table.Tr>
            )}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <form
        aria-label="Add a payer"
        onSubmit={(e) => {
          e.preventDefault();
          switching.reset();
          void adding.submit();
        }}
      >
        <Stack gap="xs" maw={480}>
          <Title order={2} size="h3">
            Add a payer
          </Title>
          <PayerFields draft={draft} onChange={setDraft} errors={errors} />
          <Group>
            <Button type="submit" loading={adding.busy}>
              Add payer
            </Button>
          </Group>
        </Stack>
      </form>
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={`Edit ${editing?.name ?? ''}`}
        closeButtonProps={{ 'aria-label': 'Close' }}
      >
        {editing && <PayerForm payer={editing} onDone={() => setEditing(null)} />}
      </Modal>
    </Stack>
  );
}

function PayerForm({ payer, onDone }: { payer: Payer; onDone: () => void }) {
  const [draft, setDraft] = useState<Draft>({
    name: payer.name,
    ediPayerId: payer.ediPayerId ?? '',
    phone: payer.phone ? displayPhone(payer.phone) : '',
    timelyFilingDays: payer.timelyFilingDays,
    claimFilingIndicator: payer.claimFilingIndicator,
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const saving = useSubmit(
    () => {
      const body = bodyOf(draft);
      // Only what changed: the phone as shown, (303) 555-0142, is the stored one unless edited.
      const unchangedPhone = draft.phone === (payer.phone ? displayPhone(payer.phone) : '');
      return api.PATCH('/api/payers/{id}', {
        params: { path: { id: payer.id } },
        body: unchangedPhone ? { ...body, phone: undefined } : body,
        headers: { 'if-match': `"${payer.version}"` },
      });
    },
    {
      invalidate: [payerKeys.all()],
      onSuccess: onDone,
      onProblem: (p) => {
        if (p.status === 412) return 'Someone changed this payer meanwhile: close and open it again.';
        setErrors(fieldErrors(p));
        return problemLine(p, LABELS, (path) => path in LABELS && path !== 'active');
      },
    },
  );
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void saving.submit();
      }}
    >
      <Stack>
        {saving.error && <Alert color="red">{saving.error}</Alert>}
        <PayerFields draft={draft} onChange={setDraft} errors={errors} autoFocus />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={saving.busy}>
            Save
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
