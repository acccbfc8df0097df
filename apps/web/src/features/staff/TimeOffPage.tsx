/**
 * Time off: ask for days off (managers may record someone's, approved at once); managers approve
 * or deny the location's pending requests. Approving a provider's time off lists the booked
 * visits it falls on, each linking to its day on the schedule for the desk to move.
 */
import { Alert, Anchor, Badge, Button, Group, List, Loader, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, unwrap } from '../../api/client.ts';
import { fieldErrors } from '../../api/problem.ts';
import { useSubmit } from '../../api/use-submit.ts';
import { useSelectedLocation } from '../../app/use-selected-location.ts';
import { useCan, useCurrentUser } from '../auth/use-me.ts';
import { useLocationClock } from '../schedule/schedule-api.ts';
import { clockDateTime, toWall, wallDay } from '../schedule/zoned-time.ts';
import { rotaKeys } from './query-keys.ts';
import { TIME_OFF_COLORS, type TimeOff, type TimeOffItem, useStaffOptions } from './staff-api.ts';

export function TimeOffPage() {
  const can = useCan();
  const locationId = useSelectedLocation();
  const manager = can('staff:manage');
  const [decided, setDecided] = useState<TimeOff | null>(null);
  const mine = useQuery({
    queryKey: rotaKeys.timeOffList({ mine: true }),
    queryFn: () => unwrap(api.GET('/api/time-off', { params: { query: { userId: 'me', limit: 100 } } })),
  });
  const pending = useQuery({
    queryKey: rotaKeys.timeOffList({ locationId, status: 'pending' }),
    enabled: manager && locationId !== null,
    queryFn: () =>
      unwrap(api.GET('/api/time-off', { params: { query: { locationId: locationId as string, status: 'pending', limit: 100 } } })),
  });
  const decide = useSubmit(
    (t: TimeOffItem, decision: 'approve' | 'deny') =>
      api.POST('/api/time-off/{id}/decision', {
        params: { path: { id: t.id } },
        headers: { 'if-match': `"${t.version}"` },
        body: { decision },
      }),
    {
      invalidate: [rotaKeys.timeOff(), rotaKeys.week()],
      onSuccess: (t) => {
        notifications.show({ color: 'green', message: `Time off ${t.status}` });
        setDecided(t);
      },
    },
  );
  return (
    <Stack>
      <Title order={1}>Time off</Title>
      <RequestForm manager={manager} onSaved={setDecided} />
      {decided && decided.status === 'approved' && <Collisions timeOff={decided} />}
      {manager && (
        <Stack gap="xs">
          <Title order={2} size="h3">
            Waiting for a decision
          </Title>
          {decide.error && (
            <Alert color="red" role="alert">
              {decide.error}
            </Alert>
          )}
          {pending.isPending && <Loader aria-label="Loading requests" />}
          {pending.data?.items.length === 0 && <Text>No requests waiting.</Text>}
          <TimeOffTable
            items={pending.data?.items ?? []}
            label="Time off waiting for a decision"
            actions={(t) => (
              <Group gap="xs">
                <Button
                  size="compact-sm"
                  onClick={() => void decide.submit(t, 'approve')}
                  aria-label={`Approve time off of ${t.userName ?? t.providerName}`}
                >
                  Approve
                </Button>
                <Button
                  size="compact-sm"
                  variant="default"
                  onClick={() => void decide.submit(t, 'deny')}
                  aria-label={`Deny time off of ${t.userName ?? t.providerName}`}
                >
                  Deny
                </Button>
              </Group>
            )}
          />
        </Stack>
      )}
      <Title order={2} size="h3">
        My time off
      </Title>
      {mine.data?.items.length === 0 && <Text>None yet.</Text>}
      <TimeOffTable items={mine.data?.items ?? []} label="My time off" />
    </Stack>
  );
}

function TimeOffTable(props: { items: TimeOffItem[]; label: string; actions?: (t: TimeOffItem) => React.ReactNode }) {
  if (props.items.length === 0) return null;
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table striped aria-label={props.label}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Who</Table.Th>
            <Table.Th>From</Table.Th>
            <Table.Th>To</Table.Th>
            <Table.Th>Reason</Table.Th>
            <Table.Th>Status</Table.Th>
            {props.actions && (
              <Table.Th>
                <span className="visually-hidden">Actions</span>
              </Table.Th>
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {props.items.map((t) => (
            <Table.Tr key={t.id} data-testid="time-off-row">
              <Table.Td>{t.userName ?? t.providerName ?? '—'}</Table.Td>
              <Table.Td>{t.start}</Table.Td>
              <Table.Td>{t.end}</Table.Td>
              <Table.Td>{t.reason || '—'}</Table.Td>
              <Table.Td>
                <Badge variant="light" color={TIME_OFF_COLORS[t.status]}>
                  {t.status}
                </Badge>
              </Table.Td>
              {props.actions && <Table.Td>{props.actions(t)}</Table.Td>}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** The booked visits an approved provider's time off falls on, each linking to its day on the schedule. */
function Collisions(props: { timeOff: TimeOff }) {
  const clock = useLocationClock(useSelectedLocation());
  const t = props.timeOff;
  if (t.collisions.length === 0) return <Alert color="green">No booked visits fall on this time off.</Alert>;
  return (
    <Alert
      color="orange"
      title={`${t.collisions.length} booked visit${t.collisions.length === 1 ? '' : 's'} to move`}
      data-testid="time-off-collisions"
    >
      <List size="sm">
        {t.collisions.map((a) => {
          const day = clock ? wallDay(toWall(a.start, clock.zone)) : a.start.slice(0, 10);
          return (
            <List.Item key={a.id}>
              <Anchor component={Link} to={`/schedule?date=${day}`}>
                {clock ? clockDateTime(a.start, clock.zone, clock.hour12) : a.start}: {a.patientName ?? 'Busy'}
              </Anchor>
            </List.Item>
          );
        })}
      </List>
      {t.collisionsTruncated && <Text size="sm">More visits collide; they show once these are moved.</Text>}
    </Alert>
  );
}

function RequestForm(props: { manager: boolean; onSaved(t: TimeOff): void }) {
  const me = useCurrentUser();
  const [userId, setUserId] = useState<string | null>(null);
  const [start, setStart] = useState('');
  const [end, setEnd] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const staff = useStaffOptions();
  const saving = useSubmit(
    () => api.POST('/api/time-off', { body: { start, end: end || start, reason, ...(userId && userId !== me.user.id && { userId }) } }),
    {
      invalidate: [rotaKeys.timeOff(), rotaKeys.week()],
      onSuccess: (t) => {
        notifications.show({
          color: 'green',
          message: t.status === 'approved' ? 'Time off recorded' : 'Time off requested: a manager will decide',
        });
        setStart('');
        setEnd('');
        setReason('');
        props.onSaved(t);
      },
      onProblem: (problem) => {
        setErrors(fieldErrors(problem));
        return problem.detail;
      },
    },
  );
  return (
    <form
      aria-label="Ask for time off"
      onSubmit={(e) => {
        e.preventDefault();
        setErrors({});
        void saving.submit();
      }}
    >
      <Stack gap="sm" maw={640}>
        <Group grow align="flex-start">
          {props.manager && (
            <Select
              label="For"
              placeholder="Myself"
              data={staff}
              value={userId}
              onChange={setUserId}
              searchable
              clearable
              error={errors.userId}
            />
          )}
          <TextInput
            type="date"
            label="First day"
            value={start}
            onChange={(e) => setStart(e.currentTarget.value)}
            required
            error={errors.start}
          />
          <TextInput type="date" label="Last day" value={end} onChange={(e) => setEnd(e.currentTarget.value)} error={errors.end} />
        </Group>
        <TextInput label="Reason" value={reason} onChange={(e) => setReason(e.currentTarget.value)} maxLength={200} error={errors.reason} />
        {saving.error && (
          <Alert color="red" role="alert">
            {saving.error}
          </Alert>
        )}
        <Group>
          <Button type="submit" loading={saving.busy}>
            {props.manager && userId && userId !== me.user.id ? 'Record time off' : 'Ask for time off'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
