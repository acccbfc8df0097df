/**
 * Handover at shift change at the selected location: write what the next person needs (open
 * items, patients waiting, tasks due), and acknowledge the notes handed to you.
 */
import { Alert, Badge, Button, Card, Group, Loader, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { ProblemForm } from '../../app/ProblemForm.tsx';
import { useSubmit } from '../../api/use-submit.ts';
import { useSelectedLocation } from '../../app/use-selected-location.ts';
import { useCurrentUser } from '../auth/use-me.ts';
import { useLocationClock } from '../schedule/schedule-api.ts';
import { clockDateTime } from '../schedule/zoned-time.ts';
import { rotaKeys } from './query-keys.ts';
import { type Handover, useStaffOptions } from './staff-api.ts';

export function HandoverPage() {
  const locationId = useSelectedLocation();
  const me = useCurrentUser();
  const clock = useLocationClock(locationId);
  const list = useQuery({
    queryKey: rotaKeys.handovers(locationId),
    enabled: locationId !== null,
    queryFn: () => unwrap(api.GET('/api/handovers', { params: { query: { locationId: locationId as string, limit: 30 } } })),
  });
  const ack = useSubmit((h: Handover) => api.POST('/api/handovers/{id}/acknowledge', { params: { path: { id: h.id } } }), {
    invalidate: [rotaKeys.handovers(locationId)],
    onSuccess: () => notifications.show({ color: 'green', message: 'Handover acknowledged' }),
  });
  const when = (iso: string) => (clock ? clockDateTime(iso, clock.zone, clock.hour12) : iso);
  const mayAck = (h: Handover) => !h.acknowledgedAt && h.writtenBy !== me.user.id && (h.toUserId === null || h.toUserId === me.user.id);
  return (
    <Stack>
      <Title order={1}>Handover</Title>
      {locationId && <HandoverForm locationId={locationId} />}
      <Title order={2} size="h3">
        Recent handovers
      </Title>
      {ack.error && (
        <Alert color="red" role="alert">
          {ack.error}
        </Alert>
      )}
      {list.isPending && <Loader aria-label="Loading handovers" />}
      {list.data?.items.length === 0 && <Text>No handovers yet.</Text>}
      {list.data?.items.map((h) => (
        <Card key={h.id} withBorder data-testid="handover">
          <Group justify="space-between" align="flex-start">
            <div>
              <Text fw={500}>
                {h.writtenByName} → {h.toUserName ?? 'the next shift'}
              </Text>
              <Text size="xs" c="dimmed">
                {when(h.writtenAt)}
              </Text>
            </div>
            {h.acknowledgedAt ? (
              <Badge color="green" variant="light">
                Acknowledged by {h.acknowledgedByName}
              </Badge>
            ) : mayAck(h) ? (
              <Button size="compact-sm" onClick={() => void ack.submit(h)}>
                Acknowledge
              </Button>
            ) : (
              <Badge color="yellow" variant="light">
                Waiting
              </Badge>
            )}
          </Group>
          {h.openItems && <Section title="Open items" text={h.openItems} />}
          {h.patientsWaiting && <Section title="Patients waiting" text={h.patientsWaiting} />}
          {h.tasksDue && <Section title="Tasks due" text={h.tasksDue} />}
        </Card>
      ))}
    </Stack>
  );
}

function Section(props: { title: string; text: string }) {
  return (
    <div>
      <Text size="sm" fw={600} mt="xs">
        {props.title}
      </Text>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
        {props.text}
      </Text>
    </div>
  );
}

function HandoverForm(props: { locationId: string }) {
  const me = useCurrentUser();
  const [toUserId, setToUserId] = useState<string | null>(null);
  const [openItems, setOpenItems] = useState('');
  const [patientsWaiting, setPatientsWaiting] = useState('');
  const [tasksDue, setTasksDue] = useState('');
  const staff = useStaffOptions().filter((o) => o.value !== me.user.id);
  const saving = useSubmit(
    () =>
      api.POST('/api/handovers', {
        body: { locationId: props.locationId, openItems, patientsWaiting, tasksDue, ...(toUserId && { toUserId }) },
      }),
    {
      invalidate: [rotaKeys.handovers(props.locationId)],
      onSuccess: () => {
        notifications.show({ color: 'green', message: 'Handover written' });
        setOpenItems('');
        setPatientsWaiting('');
        setTasksDue('');
        setToUserId(null);
      },
    },
  );
  return (
    <ProblemForm saving={saving} submitLabel="Write handover" aria-label="Write a handover" maw={720} buttonAt="start">
      <Select
        label="Handing over to"
        placeholder="Whoever comes on next"
        data={staff}
        value={toUserId}
        onChange={setToUserId}
        searchable
        clearable
        error={saving.errors.toUserId}
      />
      <Textarea
        label="Open items"
        value={openItems}
        onChange={(e) => setOpenItems(e.currentTarget.value)}
        rows={2}
        maxLength={4000}
        error={saving.errors.openItems}
      />
      <Textarea
        label="Patients waiting"
        value={patientsWaiting}
        onChange={(e) => setPatientsWaiting(e.currentTarget.value)}
        rows={2}
        maxLength={4000}
      />
      <Textarea label="Tasks due" value={tasksDue} onChange={(e) => setTasksDue(e.currentTarget.value)} rows={2} maxLength={4000} />
    </ProblemForm>
  );
}
