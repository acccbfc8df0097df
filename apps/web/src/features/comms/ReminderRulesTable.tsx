/** Reminder rules (schedule:manage): "remind N hours before each visit", add, change, pause, delete. */
import { Alert, Badge, Button, Group, NumberInput, Paper, Stack, Switch, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { toProblem } from '../../api/problem.ts';
import { hoursLabel, type ReminderRule } from './comms-api.ts';

const describe = (error: unknown, status: number) => {
  const p = toProblem(error, status);
  return [p.detail, ...(p.errors ?? []).map((e) => e.message)].join(': ');
};

function RuleRow(props: { rule: ReminderRule; onChanged(): Promise<unknown>; onError(message: string): void }) {
  const { rule } = props;
  const [editing, setEditing] = useState(false);
  const [hours, setHours] = useState<number | string>(rule.hoursBefore);
  const patch = async (body: { hoursBefore?: number; active?: boolean }) => {
    const { data, error, response } = await api.PATCH('/api/reminder-rules/{id}', { params: { path: { id: rule.id } }, body });
    if (!data) return props.onError(describe(error, response.status));
    setEditing(false);
    await props.onChanged();
  };
  const remove = async () => {
    const { error, response } = await api.DELETE('/api/reminder-rules/{id}', { params: { path: { id: rule.id } } });
    if (!response.ok) return props.onError(describe(error, response.status));
    notifications.show({ message: `${hoursLabel(rule.hoursBefore)} reminder removed` });
    await props.onChanged();
  };
  return (
    <Table.Tr data-testid={`reminder-rule-${rule.hoursBefore}`}>
      <Table.Td>
        {editing ? (
          <Group gap="xs">
            <NumberInput aria-label="Hours before" min={1} max={720} value={hours} onChange={setHours} w={100} />
            <Button size="compact-sm" onClick={() => void patch({ hoursBefore: Number(hours) })}>
              Save
            </Button>
            <Button size="compact-sm" variant="subtle" onClick={() => setEditing(false)}>
              Cancel
            </Button>
          </Group>
        ) : (
          <Text>{hoursLabel(rule.hoursBefore)} before</Text>
        )}
      </Table.Td>
      <Table.Td>{rule.channel === 'email' ? 'Email' : 'Text message'}</Table.Td>
      <Table.Td>
        <Switch
          aria-label={`${hoursLabel(rule.hoursBefore)} reminder active`}
          checked={rule.active}
          onChange={(e) => void patch({ active: e.currentTarget.checked })}
          label={rule.active ? <Badge color="green">On</Badge> : <Badge color="gray">Paused</Badge>}
        />
      </Table.Td>
      <Table.Td>
        <Group gap="xs" justify="flex-end">
          {!editing && (
            <Button size="compact-sm" variant="light" onClick={() => setEditing(true)}>
              Edit
            </Button>
          )}
          <Button size="compact-sm" variant="subtle" color="red" onClick={() => void remove()}>
            Delete
          </Button>
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}

export function ReminderRulesTable() {
  const queryClient = useQueryClient();
  const rules = useQuery({ queryKey: ['reminder-rules'], queryFn: () => unwrap(api.GET('/api/reminder-rules')) });
  const [hours, setHours] = useState<number | string>('');
  const [failure, setFailure] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['reminder-rules'] });
  const add = async () => {
    setFailure(null);
    const { data, error, response } = await api.POST('/api/reminder-rules', { body: { hoursBefore: Number(hours), channel: 'email' } });
    if (!data) return setFailure(describe(error, response.status));
    setHours('');
    notifications.show({ color: 'green', message: `Patients will be reminded ${hoursLabel(data.hoursBefore)} before` });
    await refresh();
  };
  const sorted = [...(rules.data?.items ?? [])].sort((a, b) => b.hoursBefore - a.hoursBefore);
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={2} size="h4">
          Reminder rules
        </Title>
        <Text size="sm" c="dimmed">
          Each rule emails patients with an address on file that many hours before their visit, with links to confirm or cancel.
        </Text>
        {rules.isError && <Alert color="red">{rules.error.message}</Alert>}
        {failure && (
          <Alert color="red" role="alert">
            {failure}
          </Alert>
        )}
        {rules.data && (
          <Table aria-label="Reminder rules" withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>When</Table.Th>
                <Table.Th>Channel</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>
                  <span className="visually-hidden">Actions</span>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {sorted.map((r) => (
                <RuleRow key={`${r.id}-${r.hoursBefore}`} rule={r} onChanged={refresh} onError={setFailure} />
              ))}
              {sorted.length === 0 && (
                <Table.Tr>
                  <Table.Td colSpan={4}>
                    <Text c="dimmed">No reminders are sent.</Text>
                  </Table.Td>
                </Table.Tr>
              )}
            </Table.Tbody>
          </Table>
        )}
        <Group align="flex-end">
          <NumberInput label="Hours before the visit" placeholder="e.g. 48" min={1} max={720} value={hours} onChange={setHours} w={200} />
          <Button disabled={hours === ''} onClick={() => void add()}>
            Add rule
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
