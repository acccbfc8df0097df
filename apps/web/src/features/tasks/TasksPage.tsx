/**
 * Tasks: mine, the selected location's, or done ones; each with its patient, due date and
 * priority. "Complete" marks one done (If-Match); "New task" writes one by hand.
 */
import {
  Alert,
  Badge,
  Button,
  Group,
  Loader,
  Modal,
  SegmentedControl,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { fieldErrors } from '../../api/problem.ts';
import { useSubmit } from '../../api/use-submit.ts';
import { useSelectedLocation } from '../../app/use-selected-location.ts';
import { useCan } from '../auth/use-me.ts';
import { PRIORITY_COLORS, PRIORITY_LABELS, SOURCE_LABELS, type Task, type TaskPriority } from './tasks-api.ts';
import { taskKeys } from './query-keys.ts';
import { useAssigneeOptions } from './use-assignees.ts';

type View = 'mine' | 'location' | 'done';
const VIEWS = [
  { value: 'mine', label: 'My tasks' },
  { value: 'location', label: 'This location' },
  { value: 'done', label: 'Done' },
];

export function TasksPage() {
  const can = useCan();
  const locationId = useSelectedLocation();
  const [view, setView] = useState<View>('mine');
  const [adding, setAdding] = useState(false);
  const list = useQuery({
    queryKey: taskKeys.list({ view, locationId }),
    queryFn: () =>
      unwrap(
        api.GET('/api/tasks', {
          params: {
            query: {
              limit: 200,
              ...(view === 'mine' && { assignee: 'me' }),
              ...(view === 'location' && locationId && { locationId }),
              ...(view === 'done' && { status: 'done' as const, assignee: 'me' }),
            },
          },
        }),
      ),
  });
  const complete = useSubmit(
    (task: Task) =>
      api.PATCH('/api/tasks/{id}', {
        params: { path: { id: task.id } },
        headers: { 'if-match': `"${task.version}"` },
        body: { status: 'done' },
      }),
    {
      invalidate: [taskKeys.lists()],
      onSuccess: (t) => notifications.show({ color: 'green', message: `Done: ${t.title}` }),
    },
  );
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>Tasks</Title>
        {can('task:write') && (
          <Button leftSection={<IconPlus size={16} />} variant="default" onClick={() => setAdding(true)}>
            New task
          </Button>
        )}
      </Group>
      <SegmentedControl data={VIEWS} value={view} onChange={(v) => setView(v as View)} aria-label="Which tasks" />
      {complete.error && (
        <Alert color="red" role="alert">
          {complete.error}
        </Alert>
      )}
      {list.isPending && <Loader aria-label="Loading tasks" />}
      {list.isError && <Alert color="red">{list.error.message}</Alert>}
      {list.data?.items.length === 0 && <Text>No tasks here.</Text>}
      {list.data && list.data.items.length > 0 && (
        <Table.ScrollContainer minWidth={640}>
          <Table striped aria-label="Tasks" data-testid="task-list">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Task</Table.Th>
                <Table.Th>Patient</Table.Th>
                <Table.Th>Due</Table.Th>
                <Table.Th>For</Table.Th>
                <Table.Th>
                  <span className="visually-hidden">Actions</span>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.items.map((t) => (
                <Table.Tr key={t.id} data-testid="task-row">
                  <Table.Td>
                    <Group gap={6}>
                      <Text size="sm" fw={500}>
                        {t.title}
                      </Text>
                      {t.priority !== 'normal' && (
                        <Badge size="sm" variant="light" color={PRIORITY_COLORS[t.priority]}>
                          {PRIORITY_LABELS[t.priority]}
                        </Badge>
                      )}
                    </Group>
                    {(t.note || t.source !== 'manual') && (
                      <Text size="xs" c="dimmed" lineClamp={2}>
                        {[SOURCE_LABELS[t.source], t.note].filter(Boolean).join(': ')}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{t.patientName ?? '—'}</Table.Td>
                  <Table.Td>
                    {t.dueOn ?? '—'}
                    {t.overdue && (
                      <Badge ml={6} size="sm" color="red" variant="light">
                        Overdue
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>{t.assigneeName ?? 'Nobody yet'}</Table.Td>
                  <Table.Td>
                    {t.status === 'open' && can('task:write') && (
                      <Button size="compact-sm" variant="light" onClick={() => void complete.submit(t)} aria-label={`Complete ${t.title}`}>
                        Complete
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Modal opened={adding} onClose={() => setAdding(false)} title="New task">
        {adding && <NewTaskForm onSaved={() => setAdding(false)} />}
      </Modal>
    </Stack>
  );
}

function NewTaskForm(props: { onSaved(): void }) {
  const [title, setTitle] = useState('');
  const [note, setNote] = useState('');
  const [assigneeId, setAssigneeId] = useState<string | null>(null);
  const [dueOn, setDueOn] = useState('');
  const [priority, setPriority] = useState<TaskPriority>('normal');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const assignees = useAssigneeOptions();
  const saving = useSubmit(
    () => api.POST('/api/tasks', { body: { title, note, priority, ...(assigneeId && { assigneeId }), ...(dueOn && { dueOn }) } }),
    {
      invalidate: [taskKeys.lists()],
      onSuccess: (t) => {
        notifications.show({ color: 'green', message: `Task added: ${t.title}` });
        props.onSaved();
      },
      onProblem: (problem) => {
        setErrors(fieldErrors(problem));
        return problem.detail;
      },
    },
  );
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        setErrors({});
        void saving.submit();
      }}
    >
      <Stack gap="sm">
        <TextInput
          label="Title"
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          error={errors.title}
          required
          data-autofocus
        />
        <Textarea
          label="Note"
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          error={errors.note}
          rows={2}
          maxLength={2000}
        />
        <Group grow align="flex-start">
          <Select
            label="Assign to"
            placeholder="Nobody yet"
            data={assignees}
            value={assigneeId}
            onChange={setAssigneeId}
            searchable
            clearable
            error={errors.assigneeId}
          />
          <TextInput type="date" label="Due" value={dueOn} onChange={(e) => setDueOn(e.currentTarget.value)} error={errors.dueOn} />
          <Select
            label="Priority"
            data={Object.entries(PRIORITY_LABELS).map(([value, label]) => ({ value, label }))}
            value={priority}
            onChange={(v) => v && setPriority(v as TaskPriority)}
            allowDeselect={false}
          />
        </Group>
        {saving.error && (
          <Alert color="red" role="alert">
            {saving.error}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button type="submit" loading={saving.busy}>
            Add task
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
