/** Departures from the weekly hours: time off, holidays, blocked time (lunch), extra hours. */
import { Alert, Button, Group, Select, Table, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import type { Problem } from '../../api/problem.ts';
import { addAndRemove, useSubmit } from '../../api/use-submit.ts';
import { scheduleKeys } from './query-keys.ts';
import type { ExceptionCreated } from './schedule-api.ts';
import { TimeOffCollisions } from './TimeOffCollisions.tsx';

const KINDS = [
  { value: 'time_off', label: 'Time off' },
  { value: 'holiday', label: 'Holiday (whole location)' },
  { value: 'blocked', label: 'Blocked (lunch, meeting)' },
  { value: 'extra_hours', label: 'Extra hours' },
] as const;
type Kind = (typeof KINDS)[number]['value'];

export function ExceptionsTable(props: { providerId: string; locationId: string; today: string }) {
  const list = useQuery({
    queryKey: scheduleKeys.exceptionList(props.providerId, props.locationId),
    queryFn: () => unwrap(api.GET('/api/availability-exceptions', { params: { query: { from: props.today } } })),
    select: (d) =>
      d.items.filter(
        (e) => (e.providerId === props.providerId || e.providerId === null) && (e.locationId === props.locationId || e.locationId === null),
      ),
  });
  const [kind, setKind] = useState<Kind>('time_off');
  const [startDate, setStartDate] = useState(props.today);
  const [endDate, setEndDate] = useState(props.today);
  const [startTime, setStartTime] = useState('');
  const [endTime, setEndTime] = useState('');
  const [reason, setReason] = useState('');
  /** The exception just saved, with the booked visits it falls on. */
  const [saved, setSaved] = useState<ExceptionCreated | null>(null);
  // Time off, holidays and extra hours change which times are open.
  const changed = [scheduleKeys.exceptionLists(), scheduleKeys.availabilitySearches()];
  const describe = (p: Problem) => [p.detail, ...(p.errors ?? []).map((e) => `${e.path}: ${e.message}`)].join(' ');
  const adding = useSubmit(
    () =>
      api.POST('/api/availability-exceptions', {
        body: {
          kind,
          providerId: kind === 'holiday' ? null : props.providerId,
          locationId: kind === 'time_off' || kind === 'blocked' ? null : props.locationId,
          startDate,
          endDate,
          startTime: startTime || null,
          endTime: endTime || null,
          reason,
        },
      }),
    { invalidate: changed, onProblem: describe, onSuccess: (data) => setSaved(data) },
  );
  const removing = useSubmit((id: string) => api.DELETE('/api/availability-exceptions/{id}', { params: { path: { id } } }), {
    invalidate: changed,
    onProblem: describe,
  });
  const { error, add, remove } = addAndRemove(adding, removing);
  return (
    <>
      <Title order={2} size="h4">
        Exceptions
      </Title>
      <Table withTableBorder data-testid="exceptions-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Kind</Table.Th>
            <Table.Th>Dates</Table.Th>
            <Table.Th>Times</Table.Th>
            <Table.Th>Reason</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(list.data ?? []).map((e) => (
            <Table.Tr key={e.id}>
              <Table.Td>{KINDS.find((k) => k.value === e.kind)?.label}</Table.Td>
              <Table.Td>{e.startDate === e.endDate ? e.startDate : `${e.startDate} to ${e.endDate}`}</Table.Td>
              <Table.Td>{e.startTime ? `${e.startTime.slice(0, 5)}–${e.endTime?.slice(0, 5)}` : 'all day'}</Table.Td>
              <Table.Td>{e.reason}</Table.Td>
              <Table.Td>
                <Button size="compact-xs" variant="subtle" color="red" onClick={() => remove(e.id)}>
                  Remove
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {error && <Alert color="red">{error}</Alert>}
      <Group align="flex-end">
        <Select label="Kind" data={[...KINDS]} value={kind} onChange={(v) => v && setKind(v as Kind)} allowDeselect={false} w={210} />
        <TextInput label="From date" value={startDate} onChange={(e) => setStartDate(e.currentTarget.value)} w={120} />
        <TextInput label="To date" value={endDate} onChange={(e) => setEndDate(e.currentTarget.value)} w={120} />
        <TextInput label="From" placeholder="all day" value={startTime} onChange={(e) => setStartTime(e.currentTarget.value)} w={90} />
        <TextInput label="To" placeholder="all day" value={endTime} onChange={(e) => setEndTime(e.currentTarget.value)} w={90} />
        <TextInput label="Reason" value={reason} onChange={(e) => setReason(e.currentTarget.value)} w={160} />
        <Button onClick={add}>Add exception</Button>
      </Group>
      {saved && saved.kind !== 'extra_hours' && (
        <TimeOffCollisions key={saved.id} saved={saved} locationId={props.locationId} onDone={() => setSaved(null)} />
      )}
    </>
  );
}
