/** One staff thread: its messages, a reply box, who it is assigned to, and done / open again (If-Match). */
import { Alert, Badge, Button, Group, Loader, Paper, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, unwrap } from '../../api/client.ts';
import { useSubmit } from '../../api/use-submit.ts';
import { useCan } from '../auth/use-me.ts';
import { taskKeys } from '../tasks/query-keys.ts';
import { type Colleague, type StaffThreadDetail, when } from './inbox-api.ts';
import { inboxKeys } from './query-keys.ts';

export function useColleagues() {
  return useQuery({ queryKey: inboxKeys.colleagues(), queryFn: () => unwrap(api.GET('/api/staff-colleagues')), select: (d) => d.items });
}

export const colleagueOptions = (list: Colleague[] | undefined) => list?.map((c) => ({ value: c.id, label: c.name })) ?? [];

export function ThreadView(props: { threadId: string }) {
  const [reply, setReply] = useState('');
  const colleagues = useColleagues();
  const thread = useQuery({
    queryKey: inboxKeys.thread(props.threadId),
    queryFn: () => unwrap(api.GET('/api/staff-threads/{id}', { params: { path: { id: props.threadId } } })),
  });
  const invalidate = [inboxKeys.lists(), inboxKeys.thread(props.threadId)];
  const replying = useSubmit(
    () => api.POST('/api/staff-threads/{id}/replies', { params: { path: { id: props.threadId } }, body: { body: reply } }),
    { invalidate, onSuccess: () => setReply('') },
  );
  const changing = useSubmit(
    (t: StaffThreadDetail, body: { assignedTo?: string | null; done?: boolean }) =>
      api.PATCH('/api/staff-threads/{id}', { params: { path: { id: t.id } }, headers: { 'if-match': `"${t.version}"` }, body }),
    { invalidate },
  );
  const can = useCan();
  // A task from the thread (the tasks list): its subject, assignee, patient and last message by default.
  const tasking = useSubmit(() => api.POST('/api/staff-threads/{id}/task', { params: { path: { id: props.threadId } }, body: {} }), {
    invalidate: [taskKeys.all],
    onSuccess: (task) => notifications.show({ color: 'green', message: `Task made: ${task.title}` }),
  });
  if (thread.isPending) return <Loader aria-label="Loading the thread" />;
  if (thread.isError) return <Alert color="red">{thread.error.message}</Alert>;
  const t = thread.data;
  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-start">
        <Stack gap={2}>
          <Title order={2} size="h3">
            {t.subject}
          </Title>
          <Group gap={6}>
            {t.kind === 'refill_request' && <Badge color="grape">Refill request</Badge>}
            {t.done && <Badge color="gray">Done</Badge>}
            {t.patientId && (
              <Text size="sm">
                About{' '}
                <Link to={`/patients/${t.patientId}`} className="mantine-focus-auto">
                  {t.patientName}
                </Link>
              </Text>
            )}
          </Group>
        </Stack>
        <Group gap="xs" align="flex-end">
          <Select
            label="Assigned to"
            placeholder="Nobody"
            clearable
            data={colleagueOptions(colleagues.data)}
            value={t.assignedTo}
            onChange={(v) => void changing.submit(t, { assignedTo: v })}
            w={200}
          />
          <Button variant="default" onClick={() => void changing.submit(t, { done: !t.done })} loading={changing.busy}>
            {t.done ? 'Open again' : 'Mark done'}
          </Button>
          {can('task:write') && (
            <Button variant="default" onClick={() => void tasking.submit()} loading={tasking.busy}>
              Make a task
            </Button>
          )}
        </Group>
      </Group>
      {tasking.error && (
        <Alert color="red" role="alert">
          {tasking.error}
        </Alert>
      )}
      {changing.error && (
        <Alert color="red" role="alert">
          {changing.error}
        </Alert>
      )}
      <Stack gap="xs" aria-label="Messages" role="list">
        {t.messages.map((m) => (
          <Paper key={m.id} withBorder p="sm" role="listitem">
            <Text size="xs" c="dimmed">
              {m.authorName ?? 'ClinicDesk'} · {when(m.createdAt)}
            </Text>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {m.body}
            </Text>
          </Paper>
        ))}
      </Stack>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (reply.trim()) void replying.submit();
        }}
      >
        <Stack gap="xs">
          <Textarea label="Reply" value={reply} onChange={(e) => setReply(e.currentTarget.value)} autosize minRows={2} maxLength={5000} />
          {replying.error && (
            <Alert color="red" role="alert">
              {replying.error}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button type="submit" loading={replying.busy} disabled={!reply.trim()}>
              Send reply
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
