/** Reminder rules (schedule:manage): "remind N hours before each visit", add, change, pause, delete. */
import { Alert, Badge, Button, Group, NumberInput, Paper, Select, Stack, Switch, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { type Problem, problemLine } from '../../api/problem.ts';
import { useSubmit } from '../../api/use-submit.ts';
import { hoursLabel, hoursProblem, type ReminderRule } from './comms-api.ts';
import { commsKeys } from './query-keys.ts';

const describe = (p: Problem) => problemLine(p, { hoursBefore: 'Hours before', channel: 'Channel', active: 'Active' });

/** A row's failures show in the table's one message line. */
function RuleRow(props: { rule: ReminderRule; onError(message: string): void }) {
  const { rule } = props;
  const [editing, setEditing] = useState(false);
  const [hours, setHours] = useState<number | string>(rule.hoursBefore);
  const failed = (problem: Problem) => {
    props.onError(describe(problem));
    return null;
  };
  const patching = useSubmit(
    (body: { hoursBefore?: number; active?: boolean }) =>
      api.PATCH('/api/reminder-rules/{id}', { params: { path: { id: rule.id } }, body }),
    { invalidate: [commsKeys.reminderRules()], onSuccess: () => setEditing(false), onProblem: failed },
  );
  const removing = useSubmit(() => api.DELETE('/api/reminder-rules/{id}', { params: { path: { id: rule.id } } }), {
    invalidate: [commsKeys.reminderRules()],
    onSuccess: () => notifications.show({ message: `${hoursLabel(rule.hoursBefore)} reminder removed` }),
    onProblem: failed,
  });
  const patch = (body: { hoursBefore?: number; active?: boolean }) => void patching.submit(body);
  const remove = () => void removing.submit();
  return (
    <Table.Tr data-testid={`reminder-rule-${rule.hoursBefore}${rule.channel === 'sms' ? '-sms' : ''}`}>
      <Table.Td>
        {editing ? (
          <Group gap="xs">
            <NumberInput
              aria-label="Hours before"
              min={1}
              max={720}
              clampBehavior="none"
              allowDecimal={false}
              value={hours}
              onChange={setHours}
              error={hoursProblem(hours)}
              w={140}
            />
            <Button
              size="compact-sm"
              disabled={hours === '' || hoursProblem(hours) !== null}
              onClick={() => patch({ hoursBefore: Number(hours) })}
            >
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
          onChange={(e) => patch({ active: e.currentTarget.checked })}
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
          <Button size="compact-sm" variant="subtle" color="red" onClick={remove}>
            Delete
          </Button>
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}

export function ReminderRulesTable() {
  const rules = useQuery({ queryKey: commsKeys.reminderRules(), queryFn: () => unwrap(api.GET('/api/reminder-rules')) });
  const [hours, setHours] = useState<number | string>('');
  const [channel, setChannel] = useState<'email' | 'sms'>('email');
  /** A row's failure (a row's own change replaces the message of an earlier add). */
  const [rowFailure, setRowFailure] = useState<string | null>(null);
  const adding = useSubmit(() => api.POST('/api/reminder-rules', { body: { hoursBefore: Number(hours), channel } }), {
    invalidate: [commsKeys.reminderRules()],
    onSuccess: (rule) => {
      setHours('');
      notifications.show({ color: 'green', message: `Patients will be reminded ${hoursLabel(rule.hoursBefore)} before` });
    },
    onProblem: describe,
  });
  const failure = rowFailure ?? adding.error;
  const add = () => {
    setRowFailure(null);
    void adding.submit();
  };
  const rowFailed = (message: string) => {
    adding.reset();
    setRowFailure(message);
  };
  const sorted = [...(rules.data?.items ?? [])].sort((a, b) => b.hoursBefore - a.hoursBefore);
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={2} size="h4">
          Reminder rules
        </Title>
        <Text size="sm" c="dimmed">
          Each rule emails (or texts) patients who agreed to it that many hours before their visit: emails carry links to confirm or cancel,
          texts ask for a reply C or N. Texts go out only in each location's texting hours.
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
                <RuleRow key={`${r.id}-${r.hoursBefore}`} rule={r} onError={rowFailed} />
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
          <NumberInput
            label="Hours before the visit"
            placeholder="e.g. 48"
            min={1}
            max={720}
            clampBehavior="none"
            allowDecimal={false}
            value={hours}
            onChange={setHours}
            error={hoursProblem(hours)}
            w={240}
          />
          <Select
            label="Channel"
            data={[
              { value: 'email', label: 'Email' },
              { value: 'sms', label: 'Text message' },
            ]}
            value={channel}
            onChange={(v) => setChannel(v === 'sms' ? 'sms' : 'email')}
            allowDeselect={false}
            w={180}
          />
          <Button disabled={hours === '' || hoursProblem(hours) !== null} onClick={add}>
            Add rule
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
