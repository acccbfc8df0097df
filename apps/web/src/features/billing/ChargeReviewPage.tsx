/**
 * The biller's daily queue: charges from signed visits, oldest date of service first, in
 * review by default. Keyboard-first: ↑/↓ (or j/k) move through the rows, Enter opens the
 * correction dialog, `a` approves the selected charge, `v` voids it (with a reason). Filters by
 * status and dates of service. Patient names come with the charges (one read, audited).
 */
import { Alert, Badge, Button, Group, Loader, Modal, SegmentedControl, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { useSubmit } from '../../api/use-submit.ts';
import { useKeyboardList } from '../../app/use-keyboard-list.ts';
import { useCan } from '../auth/use-me.ts';
import { formatFee } from '../codes/codes-api.ts';
import { type Charge, type ChargeStatus, codeWithModifiers, shortDate, STATUS_COLORS, STATUS_LABELS } from './billing-api.ts';
import { EditChargeForm } from './EditChargeForm.tsx';
import { billingKeys } from './query-keys.ts';

const STATUSES: { value: ChargeStatus; label: string }[] = [
  { value: 'review', label: 'In review' },
  { value: 'needs_price', label: 'Needs a price' },
  { value: 'approved', label: 'Approved' },
  { value: 'void', label: 'Void' },
];

type Dialog = { kind: 'edit' | 'void'; charge: Charge } | null;

export function ChargeReviewPage() {
  const can = useCan();
  const canSubmit = can('claim:submit');
  const [status, setStatus] = useState<ChargeStatus>('review');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [dialog, setDialog] = useState<Dialog>(null);
  const filter = { status, from, to };
  const list = useQuery({
    queryKey: billingKeys.chargeList(filter),
    queryFn: () =>
      unwrap(
        api.GET('/api/charges', {
          params: {
            query: {
              status,
              limit: 200,
              ...(/^\d{4}-\d{2}-\d{2}$/.test(from) && { from }),
              ...(/^\d{4}-\d{2}-\d{2}$/.test(to) && { to }),
            },
          },
        }),
      ),
  });
  const items = list.data?.items ?? [];
  const approving = useSubmit(
    (c: Charge) => api.POST('/api/charges/{id}/approve', { params: { path: { id: c.id } }, headers: { 'if-match': `"${c.version}"` } }),
    {
      invalidate: [billingKeys.chargeLists()],
      onSuccess: (c) => notifications.show({ color: 'green', message: `${codeWithModifiers(c)} for ${c.patientName} approved` }),
      onProblem: (p) =>
        p.status === 412 ? 'Someone changed this charge meanwhile: reload the page, check it, and approve again.' : undefined,
    },
  );

  const { select, rowProps } = useKeyboardList('Charge review', items, {
    noun: 'charge',
    enter: {
      label: 'Correct the selected charge',
      run: (charge) => setDialog({ kind: 'edit', charge }),
      when: (c) => canSubmit && c.status !== 'approved' && c.status !== 'void',
    },
    keys: [
      {
        keys: ['a'],
        label: 'Approve the selected charge',
        run: (c) => void approving.submit(c),
        when: (c) => canSubmit && c.status === 'review',
      },
      {
        keys: ['v'],
        label: 'Void the selected charge',
        run: (charge) => setDialog({ kind: 'void', charge }),
        when: (c) => canSubmit && c.status !== 'void',
      },
    ],
  });
  const close = () => setDialog(null);

  return (
    <Stack>
      <Title order={1}>Charge review</Title>
      <Text size="sm" c="dimmed">
        Charges from signed visits. ↑/↓ select, Enter corrects, A approves, V voids (? lists every key).
      </Text>
      <Group align="flex-end">
        <SegmentedControl
          data={STATUSES}
          value={status}
          onChange={(v) => {
            setStatus(v as ChargeStatus);
            select(0);
          }}
          aria-label="Status"
        />
        <TextInput label="Seen from" type="date" value={from} onChange={(e) => setFrom(e.currentTarget.value)} w={170} />
        <TextInput label="Seen to" type="date" value={to} onChange={(e) => setTo(e.currentTarget.value)} w={170} />
      </Group>
      {approving.error && (
        <Alert color="red" role="alert">
          {approving.error}
        </Alert>
      )}
      {list.isPending && <Loader aria-label="Loading charges" />}
      {list.isError && <Alert color="red">{list.error.message}</Alert>}
      {list.data && items.length === 0 && <Text>No charges {STATUS_LABELS[status].toLowerCase()} here.</Text>}
      {items.length > 0 && (
        <Table.ScrollContainer minWidth={860}>
          <Table striped highlightOnHover aria-label="Charges" data-testid="charge-list">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Seen</Table.Th>
                <Table.Th>Patient</Table.Th>
                <Table.Th>Provider</Table.Th>
                <Table.Th>Code</Table.Th>
                <Table.Th>Units</Table.Th>
                <Table.Th>Diagnoses</Table.Th>
                <Table.Th ta="right">Amount</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>
                  <span className="visually-hidden">Actions</span>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((c, i) => (
                <Table.Tr key={c.id} {...rowProps(i)} data-testid="charge-row">
                  <Table.Td>{shortDate(c.dateOfService)}</Table.Td>
                  <Table.Td>{c.patientName}</Table.Td>
                  <Table.Td>{c.providerName ?? ''}</Table.Td>
                  <Table.Td>{codeWithModifiers(c)}</Table.Td>
                  <Table.Td>{c.units}</Table.Td>
                  <Table.Td>{c.diagnosisCodes.join(', ')}</Table.Td>
                  <Table.Td ta="right">{formatFee(c.amountCents)}</Table.Td>
                  <Table.Td>
                    <Badge color={STATUS_COLORS[c.status]} variant="light">
                      {STATUS_LABELS[c.status]}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    {canSubmit && (c.status === 'review' || c.status === 'needs_price') && (
                      <Group gap={6} wrap="nowrap">
                        <Button
                          size="compact-sm"
                          variant="default"
                          onClick={() => setDialog({ kind: 'edit', charge: c })}
                          aria-label={`Correct ${codeWithModifiers(c)} for ${c.patientName}`}
                        >
                          Correct
                        </Button>
                        {c.status === 'review' && (
                          <Button
                            size="compact-sm"
                            onClick={() => void approving.submit(c)}
                            aria-label={`Approve ${codeWithModifiers(c)} for ${c.patientName}`}
                          >
                            Approve
                          </Button>
                        )}
                      </Group>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Modal opened={dialog?.kind === 'edit'} onClose={close} title="Correct charge" size="lg">
        {dialog?.kind === 'edit' && <EditChargeForm charge={dialog.charge} onDone={close} />}
      </Modal>
      <Modal opened={dialog?.kind === 'void'} onClose={close} title="Void charge">
        {dialog?.kind === 'void' && <VoidChargeForm charge={dialog.charge} onDone={close} />}
      </Modal>
    </Stack>
  );
}

function VoidChargeForm(props: { charge: Charge; onDone(): void }) {
  const [reason, setReason] = useState('');
  const voiding = useSubmit(
    () =>
      api.POST('/api/charges/{id}/void', {
        params: { path: { id: props.charge.id } },
        headers: { 'if-match': `"${props.charge.version}"` },
        body: { reason },
      }),
    {
      invalidate: [billingKeys.chargeLists()],
      onProblem: (p) => (p.status === 412 ? 'Someone changed this charge meanwhile: close this and open it again.' : undefined),
      onSuccess: () => {
        props.onDone();
        notifications.show({ message: `${codeWithModifiers(props.charge)} for ${props.charge.patientName} voided` });
      },
    },
  );
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void voiding.submit();
      }}
    >
      <Stack>
        <Text size="sm">
          {codeWithModifiers(props.charge)} for {props.charge.patientName}, {formatFee(props.charge.amountCents)}: a void charge stays on
          record and is never billed.
        </Text>
        <TextInput
          label="Reason"
          required
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          data-autofocus
          maxLength={500}
        />
        {voiding.error && (
          <Alert color="red" role="alert">
            {voiding.error}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button type="submit" color="red" loading={voiding.busy} disabled={reason.trim() === ''}>
            Void charge
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
