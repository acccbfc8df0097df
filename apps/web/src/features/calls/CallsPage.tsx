/**
 * The call log: "who called while I was out" (open follow-ups and unanswered calls per person
 * and per location), then the calls of the chosen view (waiting, unanswered, mine, all), at the
 * selected location or everywhere. "Done" marks a call's follow-up done (If-Match).
 */
import {
  Alert,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  Loader,
  Modal,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { useSubmit } from '../../api/use-submit.ts';
import { shortWhen } from '../../app/short-when.ts';
import { useSelectedLocation } from '../../app/use-selected-location.ts';
import { useCan } from '../auth/use-me.ts';
import { LogComplaintForm } from '../complaints/LogComplaintForm.tsx';
import { taskKeys } from '../tasks/query-keys.ts';
import { type Call, DIRECTION_LABELS, OUTCOME_LABELS, REASON_LABELS, showPhone } from './calls-api.ts';
import { callKeys } from './query-keys.ts';

type View = 'waiting' | 'unanswered' | 'mine' | 'all';
const VIEWS = [
  { value: 'waiting', label: 'Waiting' },
  { value: 'unanswered', label: 'Unanswered' },
  { value: 'mine', label: 'Mine' },
  { value: 'all', label: 'All calls' },
];

export function CallsPage() {
  const can = useCan();
  const selected = useSelectedLocation();
  const [view, setView] = useState<View>('waiting');
  const [here, setHere] = useState(true);
  const [concern, setConcern] = useState(false);
  const locationId = here ? selected : null;
  const waiting = useQuery({ queryKey: callKeys.waiting(), queryFn: () => unwrap(api.GET('/api/calls/waiting')) });
  const list = useQuery({
    queryKey: callKeys.list({ view, locationId }),
    queryFn: () =>
      unwrap(
        api.GET('/api/calls', {
          params: {
            query: {
              limit: 100,
              ...(locationId && { locationId }),
              ...(view === 'waiting' && { needsFollowUp: 'true' as const }),
              ...(view === 'unanswered' && { unanswered: 'true' as const }),
              ...(view === 'mine' && { assignedTo: 'me', needsFollowUp: 'true' as const }),
            },
          },
        }),
      ),
  });
  const done = useSubmit(
    (call: Call) =>
      api.PATCH('/api/calls/{id}', {
        params: { path: { id: call.id } },
        headers: { 'if-match': `"${call.version}"` },
        body: { followUp: 'done' },
      }),
    {
      invalidate: [callKeys.lists(), taskKeys.lists()],
      onSuccess: (_c, call) =>
        notifications.show({ color: 'green', message: `Follow-up done: ${call.patientName ?? showPhone(call.phone)}` }),
    },
  );

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>Calls</Title>
        {can('complaint:create') && (
          <Button variant="default" onClick={() => setConcern(true)}>
            Log a concern
          </Button>
        )}
      </Group>
      <Title order={2} size="h3">
        Who called while you were out
      </Title>
      {waiting.isPending && <Loader aria-label="Loading waiting calls" />}
      {waiting.data && (
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Card withBorder>
            <Text fw={600} mb="xs">
              By person
            </Text>
            {waiting.data.byUser.length === 0 && <Text size="sm">Nobody has calls waiting.</Text>}
            <Stack gap={2} data-testid="waiting-by-user">
              {waiting.data.byUser.map((u) => (
                <Text size="sm" key={u.userId ?? 'nobody'}>
                  {u.userName ?? 'Not assigned'}: {u.followUps} waiting{u.unanswered ? `, ${u.unanswered} unanswered` : ''}
                </Text>
              ))}
            </Stack>
          </Card>
          <Card withBorder>
            <Text fw={600} mb="xs">
              By location
            </Text>
            {waiting.data.byLocation.length === 0 && <Text size="sm">No calls are waiting.</Text>}
            <Stack gap={2}>
              {waiting.data.byLocation.map((l) => (
                <Text size="sm" key={l.locationId}>
                  {l.locationName}: {l.followUps} waiting{l.unanswered ? `, ${l.unanswered} unanswered` : ''}
                </Text>
              ))}
            </Stack>
          </Card>
        </SimpleGrid>
      )}
      <Group>
        <SegmentedControl data={VIEWS} value={view} onChange={(v) => setView(v as View)} aria-label="Which calls" />
        {selected && <Checkbox label="This location only" checked={here} onChange={(e) => setHere(e.currentTarget.checked)} />}
      </Group>
      {done.error && (
        <Alert color="red" role="alert">
          {done.error}
        </Alert>
      )}
      {list.isPending && <Loader aria-label="Loading calls" />}
      {list.isError && <Alert color="red">{list.error.message}</Alert>}
      {list.data?.items.length === 0 && <Text>No calls here.</Text>}
      <Modal opened={concern} onClose={() => setConcern(false)} title="Log a concern" size="lg">
        {concern && (
          <LogComplaintForm
            onSaved={() => {
              setConcern(false);
              notifications.show({ color: 'green', message: 'Concern logged for the office manager' });
            }}
          />
        )}
      </Modal>
      {list.data && list.data.items.length > 0 && (
        <CallTable calls={list.data.items} onDone={can('call:write') ? (c) => void done.submit(c) : undefined} />
      )}
    </Stack>
  );
}

/** Calls as a table (the page, the chart's tab). */
export function CallTable(props: { calls: Call[]; onDone?: ((call: Call) => void) | undefined; showCaller?: boolean }) {
  const showCaller = props.showCaller ?? true;
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped aria-label="Calls" data-testid="call-list">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>When</Table.Th>
            {showCaller && <Table.Th>Caller</Table.Th>}
            <Table.Th>Reason</Table.Th>
            <Table.Th>Note</Table.Th>
            <Table.Th>Outcome</Table.Th>
            <Table.Th>Follow-up</Table.Th>
            {props.onDone && (
              <Table.Th>
                <span className="visually-hidden">Actions</span>
              </Table.Th>
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {props.calls.map((c) => (
            <Table.Tr key={c.id} data-testid="call-row">
              <Table.Td>
                <Text size="sm">{shortWhen(c.occurredAt)}</Text>
                <Text size="xs" c="dimmed">
                  {DIRECTION_LABELS[c.direction]} · {c.locationName}
                </Text>
              </Table.Td>
              {showCaller && (
                <Table.Td>
                  <Text size="sm">{c.patientName ?? 'Not matched'}</Text>
                  <Text size="xs" c="dimmed">
                    {showPhone(c.phone)}
                  </Text>
                </Table.Td>
              )}
              <Table.Td>{REASON_LABELS[c.reason]}</Table.Td>
              <Table.Td>
                <Text size="sm" lineClamp={3}>
                  {c.note || '—'}
                </Text>
              </Table.Td>
              <Table.Td>
                {c.outcome ? OUTCOME_LABELS[c.outcome] : 'Not yet'}
                {c.unanswered && (
                  <Badge ml={6} color="red" variant="light" size="sm">
                    Unanswered
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>
                {c.followUp === 'open'
                  ? `Waiting${c.assignedToName ? ` (${c.assignedToName})` : ''}`
                  : c.followUp === 'done'
                    ? 'Done'
                    : '—'}
                {c.taskId && (
                  <Text size="xs" c="dimmed">
                    Task made
                  </Text>
                )}
              </Table.Td>
              {props.onDone && (
                <Table.Td>
                  {c.followUp === 'open' && (
                    <Button
                      size="compact-sm"
                      variant="light"
                      onClick={() => props.onDone?.(c)}
                      aria-label={`Mark the follow-up of the call from ${c.patientName ?? showPhone(c.phone)} done`}
                    >
                      Done
                    </Button>
                  )}
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
