/** A provider's weekly working hours at the location: list, add a block, remove one. */
import { Alert, Button, Group, Select, Table, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { api } from '../../api/client.ts';
import { addAndRemove, useSubmit } from '../../api/use-submit.ts';
import { scheduleKeys } from './query-keys.ts';
import type { Template } from './schedule-api.ts';

const WEEKDAYS = ['', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

export function TemplatesTable(props: { providerId: string; locationId: string; templates: Template[]; today: string }) {
  const [weekday, setWeekday] = useState<string | null>('1');
  const [start, setStart] = useState('08:00');
  const [end, setEnd] = useState('17:00');
  // Working hours decide which times are open.
  const changed = [scheduleKeys.templateLists(), scheduleKeys.availabilitySearches()];
  const adding = useSubmit(
    () =>
      api.POST('/api/availability-templates', {
        body: {
          providerId: props.providerId,
          locationId: props.locationId,
          weekday: Number(weekday),
          startTime: start,
          endTime: end,
          effectiveFrom: props.today,
          effectiveTo: null,
        },
      }),
    { invalidate: changed, onProblem: (problem) => problem.detail },
  );
  const removing = useSubmit((id: string) => api.DELETE('/api/availability-templates/{id}', { params: { path: { id } } }), {
    invalidate: changed,
    onProblem: (problem) => problem.detail,
  });
  const { error, add, remove } = addAndRemove(adding, removing);
  const rows = [...props.templates].sort((a, b) => a.weekday - b.weekday || a.startTime.localeCompare(b.startTime));
  return (
    <>
      <Title order={2} size="h4">
        Weekly hours
      </Title>
      <Table withTableBorder data-testid="templates-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Day</Table.Th>
            <Table.Th>From</Table.Th>
            <Table.Th>To</Table.Th>
            <Table.Th>Effective</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((t) => (
            <Table.Tr key={t.id}>
              <Table.Td>{WEEKDAYS[t.weekday]}</Table.Td>
              <Table.Td>{t.startTime.slice(0, 5)}</Table.Td>
              <Table.Td>{t.endTime.slice(0, 5)}</Table.Td>
              <Table.Td>
                {t.effectiveFrom} to {t.effectiveTo ?? 'open'}
              </Table.Td>
              <Table.Td>
                <Button size="compact-xs" variant="subtle" color="red" onClick={() => remove(t.id)}>
                  Remove
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {error && <Alert color="red">{error}</Alert>}
      <Group align="flex-end">
        <Select
          label="Day"
          data={WEEKDAYS.slice(1).map((d, i) => ({ value: String(i + 1), label: d }))}
          value={weekday}
          onChange={setWeekday}
          w={140}
        />
        <TextInput label="From" value={start} onChange={(e) => setStart(e.currentTarget.value)} placeholder="HH:MM" w={90} />
        <TextInput label="To" value={end} onChange={(e) => setEnd(e.currentTarget.value)} placeholder="HH:MM" w={90} />
        <Button onClick={add}>Add block</Button>
      </Group>
    </>
  );
}
