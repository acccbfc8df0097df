/**
 * The daily close at the selected location: pick the day, see its payments by method and by user
 * and the cash expected in the drawer, type the cash counted (the variance shows as it is typed)
 * and close the day; the closed days below. Deposits: the payments not yet taken to the bank and
 * one button to deposit those of closed days.
 */
import { Alert, Badge, Button, Group, Loader, SimpleGrid, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/client.ts';
import { fieldErrors } from '../../api/problem.ts';
import { useSubmit } from '../../api/use-submit.ts';
import { dollarsToCents, money } from '../../app/money.ts';
import { usePracticeToday } from '../../app/use-practice-today.ts';
import { useSelectedLocation } from '../../app/use-selected-location.ts';
import { useCan, useCurrentUser } from '../auth/use-me.ts';
import { ChartTable } from '../clinical/ChartList.tsx';
import { closesQuery, type DayPreview, depositsQuery, METHOD_NAMES, previewQuery, undepositedQuery } from './deposits-api.ts';
import { depositKeys } from './query-keys.ts';

export function DailyClosePage() {
  const locationId = useSelectedLocation();
  const me = useCurrentUser();
  // Until another day is picked, the day shown is the location's today.
  const today = usePracticeToday();
  const [picked, setDate] = useState<string | null>(null);
  const date = picked ?? today;
  const locationName = me.locations.find((l) => l.id === locationId)?.name ?? 'this location';
  if (!locationId) return <Alert>Choose a location first.</Alert>;
  if (!date || !today) return <Loader aria-label="Loading the location's day" />;
  return (
    <Stack gap="lg">
      <Title order={1}>Daily close</Title>
      <Text size="sm">
        At <strong>{locationName}</strong> (change the location at the top of the page).
      </Text>
      <TextInput
        type="date"
        label="Day"
        value={date}
        max={today}
        onChange={(e) => e.currentTarget.value && setDate(e.currentTarget.value)}
        w={200}
      />
      <DaySection key={`${locationId}-${date}`} locationId={locationId} date={date} />
      <ClosesSection locationId={locationId} />
      <DepositsSection locationId={locationId} />
    </Stack>
  );
}

function DaySection(props: { locationId: string; date: string }) {
  const preview = useQuery(previewQuery(props.locationId, props.date));
  if (preview.isPending) return <Loader aria-label="Loading the day" />;
  if (preview.isError) return <Alert color="red">{preview.error.message}</Alert>;
  const p = preview.data;
  return (
    <Stack gap="sm" data-testid="day-summary">
      <Title order={2} size="h3">
        {props.date}
      </Title>
      <SimpleGrid cols={3} spacing="lg">
        <Figure label="Payments" value={String(p.paymentCount)} />
        <Figure label="Taken (net of refunds and voids)" value={money(p.totalCents)} />
        <Figure label="Cash expected in the drawer" value={money(p.expectedCashCents)} />
      </SimpleGrid>
      <Group align="flex-start" grow>
        <Table aria-label="Payments by method" withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Method</Table.Th>
              <Table.Th>Payments</Table.Th>
              <Table.Th>Amount</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {p.byMethod.map((m) => (
              <Table.Tr key={m.method}>
                <Table.Td>{METHOD_NAMES[m.method]}</Table.Td>
                <Table.Td>{m.count}</Table.Td>
                <Table.Td>{money(m.cents)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Table aria-label="Payments by user" withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Taken by</Table.Th>
              <Table.Th>Payments</Table.Th>
              <Table.Th>Amount</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {p.byUser.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={3}>No payments this day.</Table.Td>
              </Table.Tr>
            )}
            {p.byUser.map((u) => (
              <Table.Tr key={u.userId ?? 'system'}>
                <Table.Td>{u.name}</Table.Td>
                <Table.Td>{u.count}</Table.Td>
                <Table.Td>{money(u.cents)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Group>
      {p.closed ? (
        <Alert color="gray" title="This day is closed" data-testid="day-closed">
          Counted {money(p.closed.countedCashCents)} against {money(p.closed.expectedCashCents)} expected: variance{' '}
          {money(p.closed.varianceCents)}
          {p.closed.closedBy ? `, closed by ${p.closed.closedBy}` : ''}. Nothing more can be dated into this day.
        </Alert>
      ) : (
        <CloseForm locationId={props.locationId} date={props.date} preview={p} />
      )}
    </Stack>
  );
}

function CloseForm(props: { locationId: string; date: string; preview: DayPreview }) {
  const can = useCan();
  const [counted, setCounted] = useState('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const closing = useSubmit(
    (body: { locationId: string; date: string; countedCashCents: number; note?: string }) => api.POST('/api/daily-closes', { body }),
    {
      invalidate: [depositKeys.all()],
      onProblem: (problem) => {
        setErrors(fieldErrors(problem));
        return problem.detail;
      },
    },
  );
  if (!can('day:close')) return <Text size="sm">Closing the day needs an office manager or a biller.</Text>;
  const cents = dollarsToCents(counted);
  const variance = cents === null ? null : cents - props.preview.expectedCashCents;
  return (
    <form
      aria-label="Close the day"
      onSubmit={(e) => {
        e.preventDefault();
        if (cents === null) return setErrors({ countedCashCents: 'Enter the cash counted, such as 125.00.' });
        setErrors({});
        void closing.submit({
          locationId: props.locationId,
          date: props.date,
          countedCashCents: cents,
          ...(note.trim() ? { note: note.trim() } : {}),
        });
      }}
    >
      <Stack gap="xs" maw={420}>
        <TextInput
          label="Cash counted"
          description="What is in the drawer, in dollars"
          value={counted}
          onChange={(e) => setCounted(e.currentTarget.value)}
          error={errors.countedCashCents}
          inputMode="decimal"
        />
        {variance !== null && (
          <Text size="sm" data-testid="variance" aria-live="polite">
            Variance: {money(variance)} {variance > 0 ? '(over)' : variance < 0 ? '(short)' : '(balanced)'}
          </Text>
        )}
        <Textarea label="Note" value={note} onChange={(e) => setNote(e.currentTarget.value)} error={errors.note} rows={2} />
        {closing.error && <Alert color="red">{closing.error}</Alert>}
        <Group>
          <Button type="submit" loading={closing.busy}>
            Close the day
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function ClosesSection(props: { locationId: string }) {
  const closes = useQuery(closesQuery(props.locationId));
  return (
    <Stack gap="xs">
      <Title order={2} size="h3">
        Closed days
      </Title>
      {closes.isError && <Alert color="red">{closes.error.message}</Alert>}
      {closes.data?.length === 0 && <Text size="sm">No day closed yet.</Text>}
      {closes.data && closes.data.length > 0 && (
        <ChartTable
          label="Closed days"
          items={closes.data}
          columns={[
            { header: 'Day', cell: (c) => c.date },
            { header: 'Payments', cell: (c) => String(c.paymentCount) },
            { header: 'Taken', cell: (c) => money(c.totalCents) },
            { header: 'Cash expected', cell: (c) => money(c.expectedCashCents) },
            { header: 'Cash counted', cell: (c) => money(c.countedCashCents) },
            { header: 'Variance', cell: (c) => money(c.varianceCents) },
            { header: 'Closed by', cell: (c) => c.closedBy ?? 'System' },
          ]}
        />
      )}
    </Stack>
  );
}

function DepositsSection(props: { locationId: string }) {
  const can = useCan();
  const undeposited = useQuery(undepositedQuery(props.locationId));
  const deposits = useQuery(depositsQuery(props.locationId));
  const [reference, setReference] = useState('');
  const depositing = useSubmit((body: { locationId: string; bankReference?: string }) => api.POST('/api/deposits', { body }), {
    invalidate: [depositKeys.all()],
    onSuccess: () => setReference(''),
  });
  const ready = (undeposited.data ?? []).filter((u) => u.dayClosed);
  return (
    <Stack gap="xs">
      <Title order={2} size="h3">
        Deposits
      </Title>
      {undeposited.isError && <Alert color="red">{undeposited.error.message}</Alert>}
      {undeposited.data?.length === 0 && <Text size="sm">Every payment has been deposited.</Text>}
      {undeposited.data && undeposited.data.length > 0 && (
        <ChartTable
          label="Undeposited payments"
          items={undeposited.data.map((u) => ({ ...u, id: u.paymentId }))}
          columns={[
            { header: 'Day', cell: (u) => u.postingDate },
            { header: 'Method', cell: (u) => METHOD_NAMES[u.method] },
            { header: 'Amount', cell: (u) => money(u.amountCents) },
            {
              header: 'Day closed',
              cell: (u) => (u.dayClosed ? <Badge color="green">Closed</Badge> : <Badge color="gray">Open</Badge>),
            },
          ]}
        />
      )}
      {can('deposit:create') && (
        <form
          aria-label="Make a deposit"
          onSubmit={(e) => {
            e.preventDefault();
            void depositing.submit({ locationId: props.locationId, ...(reference.trim() ? { bankReference: reference.trim() } : {}) });
          }}
        >
          <Group align="flex-end">
            <TextInput label="Deposit slip or bank reference" value={reference} onChange={(e) => setReference(e.currentTarget.value)} />
            <Button type="submit" loading={depositing.busy} disabled={ready.length === 0}>
              Deposit {ready.length} payment{ready.length === 1 ? '' : 's'} of closed days (
              {money(ready.reduce((s, u) => s + u.amountCents, 0))})
            </Button>
          </Group>
          {depositing.error && (
            <Alert color="red" mt="xs">
              {depositing.error}
            </Alert>
          )}
        </form>
      )}
      {deposits.data && deposits.data.length > 0 && (
        <ChartTable
          label="Deposits made"
          items={deposits.data}
          columns={[
            { header: 'Day', cell: (d) => d.depositDate },
            { header: 'Payments', cell: (d) => String(d.paymentCount) },
            { header: 'Cash', cell: (d) => money(d.cashCents) },
            { header: 'Checks', cell: (d) => money(d.checkCents) },
            { header: 'Cards', cell: (d) => money(d.cardCents) },
            { header: 'Total', cell: (d) => money(d.totalCents) },
            { header: 'Reference', cell: (d) => d.bankReference ?? '—' },
          ]}
        />
      )}
    </Stack>
  );
}

function Figure(props: { label: string; value: string }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {props.label}
      </Text>
      <Text size="xl" fw={700}>
        {props.value}
      </Text>
    </Stack>
  );
}
