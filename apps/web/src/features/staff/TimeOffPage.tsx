/**
 * Time off: ask for days off (managers may record someone's, approved at once); managers approve
 * or deny the location's pending requests. Approving a provider's time off lists the booked
 * visits it falls on, each linking to its day on the schedule for the desk to move.
 */
import { Alert, Anchor, Badge, Button, Group, List, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, unwrap } from '../../api/client.ts';
import { ListTable, type ListTableProps } from '../../app/ListTable.tsx';
import { ProblemForm } from '../../app/ProblemForm.tsx';
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
          <TimeOffTable
            query={pending}
            loadingLabel="Loading requests"
            empty="No requests waiting."
            items={pending.data?.items}
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
      <TimeOffTable items={mine.data?.items} label="My time off" empty="None yet." />
    </Stack>
  );
}

type TimeOffTableProps = Pick<ListTableProps<TimeOffItem>, 'query' | 'loadingLabel' | 'empty' | 'actions'> & {
  items: TimeOffItem[] | undefined;
  label: string;
};

function TimeOffTable({ items, label, ...rest }: TimeOffTableProps) {
  return (
    <ListTable
      aria-label={label}
      minWidth={560}
      rows={items}
      rowKey={(t) => t.id}
      rowTestId="time-off-row"
      columns={[
        { header: 'Who', cell: (t) => t.userName ?? t.providerName ?? '—' },
        { header: 'From', cell: (t) => t.start },
        { header: 'To', cell: (t) => t.end },
        { header: 'Reason', cell: (t) => t.reason || '—' },
        {
          header: 'Status',
          cell: (t) => (
            <Badge variant="light" color={TIME_OFF_COLORS[t.status]}>
              {t.status}
            </Badge>
          ),
        },
      ]}
      {...rest}
    />
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
    },
  );
  return (
    <ProblemForm
      saving={saving}
      submitLabel={props.manager && userId && userId !== me.user.id ? 'Record time off' : 'Ask for time off'}
      aria-label="Ask for time off"
      maw={640}
      buttonAt="start"
    >
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
            error={saving.errors.userId}
          />
        )}
        <TextInput
          type="date"
          label="First day"
          value={start}
          onChange={(e) => setStart(e.currentTarget.value)}
          required
          error={saving.errors.start}
        />
        <TextInput type="date" label="Last day" value={end} onChange={(e) => setEnd(e.currentTarget.value)} error={saving.errors.end} />
      </Group>
      <TextInput
        label="Reason"
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
        maxLength={200}
        error={saving.errors.reason}
      />
    </ProblemForm>
  );
}
