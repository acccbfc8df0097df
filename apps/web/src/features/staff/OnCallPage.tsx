/**
 * On call at the selected location: who is on call now (primary, backups) and who comes next,
 * the upcoming shifts, adding one (managers), and one's own calendar feed link.
 */
import { Alert, Badge, Button, Card, Code, CopyButton, Group, Loader, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { ListTable } from '../../app/ListTable.tsx';
import { ProblemForm } from '../../app/ProblemForm.tsx';
import { useSubmit } from '../../api/use-submit.ts';
import { usePracticeToday } from '../../app/use-practice-today.ts';
import { useSelectedLocation } from '../../app/use-selected-location.ts';
import { useCan } from '../auth/use-me.ts';
import { useLocationClock } from '../schedule/schedule-api.ts';
import { clockDateTime } from '../schedule/zoned-time.ts';
import { rotaKeys } from './query-keys.ts';
import { addDays, useStaffOptions } from './staff-api.ts';

export function OnCallPage() {
  const can = useCan();
  const locationId = useSelectedLocation();
  const clock = useLocationClock(locationId);
  const when = (iso: string) => (clock ? clockDateTime(iso, clock.zone, clock.hour12) : iso);
  const now = useQuery({
    queryKey: rotaKeys.onCallNow(locationId),
    enabled: locationId !== null,
    refetchInterval: 60_000,
    queryFn: () => unwrap(api.GET('/api/on-call/now', { params: { query: { locationId: locationId as string } } })),
  });
  const upcoming = useQuery({
    queryKey: rotaKeys.onCallList(locationId),
    enabled: locationId !== null,
    queryFn: () => unwrap(api.GET('/api/on-call-shifts', { params: { query: { locationId: locationId as string, limit: 100 } } })),
  });
  return (
    <Stack>
      <Title order={1}>On call</Title>
      {now.isPending && <Loader aria-label="Loading who is on call" />}
      {now.data && (
        <Card withBorder data-testid="on-call-now">
          <Text size="sm" c="dimmed">
            On call now at {now.data.locationName}
          </Text>
          <Text size="xl" fw={700}>
            {now.data.primary ? now.data.primary.userName : 'Nobody'}
          </Text>
          {now.data.primary && <Text size="sm">Until {when(now.data.primary.end)}</Text>}
          {now.data.backup.length > 0 && <Text size="sm">Backup: {now.data.backup.map((b) => b.userName).join(', ')}</Text>}
          {now.data.nextPrimary && (
            <Text size="sm">
              Next: {now.data.nextPrimary.userName} from {when(now.data.nextPrimary.start)}
            </Text>
          )}
        </Card>
      )}
      <FeedLink />
      <Title order={2} size="h3">
        Upcoming
      </Title>
      <ListTable
        aria-label="Upcoming on-call shifts"
        minWidth={520}
        rows={upcoming.data?.items}
        rowKey={(o) => o.id}
        rowTestId="on-call-row"
        empty="No on-call shifts ahead."
        columns={[
          { header: 'Who', cell: (o) => o.userName },
          { header: 'From', cell: (o) => when(o.start) },
          { header: 'Until', cell: (o) => when(o.end) },
          {
            header: 'Tier',
            cell: (o) => (
              <Badge variant="light" color={o.tier === 'primary' ? 'blue' : 'gray'}>
                {o.tier}
              </Badge>
            ),
          },
        ]}
      />
      {can('staff:manage') && locationId && <AddOnCallForm locationId={locationId} />}
    </Stack>
  );
}

function FeedLink() {
  const [url, setUrl] = useState<string | null>(null);
  const make = useSubmit(() => api.POST('/api/on-call/ical-token', { body: {} }), { onSuccess: (r) => setUrl(r.url) });
  return (
    <Stack gap="xs">
      <Group>
        <Button variant="default" onClick={() => void make.submit()} loading={make.busy}>
          {url ? 'Make a new calendar link' : 'Get my on-call calendar link'}
        </Button>
      </Group>
      {make.error && (
        <Alert color="red" role="alert">
          {make.error}
        </Alert>
      )}
      {url && (
        <Group gap="xs">
          <Code data-testid="on-call-feed-url">{url}</Code>
          <CopyButton value={url}>
            {({ copied, copy }) => (
              <Button size="compact-sm" variant="light" onClick={copy}>
                {copied ? 'Copied' : 'Copy'}
              </Button>
            )}
          </CopyButton>
          <Text size="xs" c="dimmed">
            Shown once: add it to your phone's calendar. Any earlier link stops working.
          </Text>
        </Group>
      )}
    </Stack>
  );
}

function AddOnCallForm(props: { locationId: string }) {
  const today = usePracticeToday() ?? '';
  const [userId, setUserId] = useState<string | null>(null);
  const [startDay, setStartDay] = useState(today);
  const [startTime, setStartTime] = useState('17:00');
  const [endDay, setEndDay] = useState(today ? addDays(today, 1) : '');
  const [endTime, setEndTime] = useState('08:00');
  const [tier, setTier] = useState<'primary' | 'backup'>('primary');
  const staff = useStaffOptions();
  const saving = useSubmit(
    () =>
      api.POST('/api/on-call-shifts', {
        body: { userId: userId ?? '', locationId: props.locationId, start: `${startDay}T${startTime}`, end: `${endDay}T${endTime}`, tier },
      }),
    {
      invalidate: [rotaKeys.onCall()],
      onSuccess: (o) => notifications.show({ color: 'green', message: `${o.userName} is on call` }),
    },
  );
  return (
    <ProblemForm saving={saving} submitLabel="Add on-call shift" aria-label="Add an on-call shift" maw={720} buttonAt="start">
      <Title order={2} size="h3">
        Add an on-call shift
      </Title>
      <Group grow align="flex-start">
        <Select label="Who" data={staff} value={userId} onChange={setUserId} searchable required error={saving.errors.userId} />
        <Select
          label="Tier"
          data={[
            { value: 'primary', label: 'Primary' },
            { value: 'backup', label: 'Backup' },
          ]}
          value={tier}
          onChange={(v) => v && setTier(v as 'primary' | 'backup')}
          allowDeselect={false}
        />
      </Group>
      <Group grow align="flex-start">
        <TextInput
          type="date"
          label="From day"
          value={startDay}
          onChange={(e) => setStartDay(e.currentTarget.value)}
          required
          error={saving.errors.start}
        />
        <TextInput type="time" label="From time" value={startTime} onChange={(e) => setStartTime(e.currentTarget.value)} required />
        <TextInput
          type="date"
          label="Until day"
          value={endDay}
          onChange={(e) => setEndDay(e.currentTarget.value)}
          required
          error={saving.errors.end}
        />
        <TextInput type="time" label="Until time" value={endTime} onChange={(e) => setEndTime(e.currentTarget.value)} required />
      </Group>
    </ProblemForm>
  );
}
