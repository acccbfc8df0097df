/**
 * Projects: the selected location's work grouped toward a goal, each with its progress (the
 * share of its tasks done) and what is late. Managers start, finish and archive them; "Tasks"
 * opens the project's tasks on the task board.
 */
import {
  Alert,
  Button,
  Card,
  Group,
  Loader,
  Modal,
  Progress,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, unwrap } from '../../api/client.ts';
import { ProblemForm } from '../../app/ProblemForm.tsx';
import { useSubmit } from '../../api/use-submit.ts';
import { useSelectedLocation } from '../../app/use-selected-location.ts';
import { useCan } from '../auth/use-me.ts';
import { taskKeys } from './query-keys.ts';
import type { Project } from './tasks-api.ts';
import { useAssigneeOptions } from './use-assignees.ts';

type Status = Project['status'];
const STATUSES = [
  { value: 'active', label: 'Active' },
  { value: 'done', label: 'Done' },
  { value: 'archived', label: 'Archived' },
];

export function ProjectsPage() {
  const can = useCan();
  const locationId = useSelectedLocation();
  const [status, setStatus] = useState<Status>('active');
  const [adding, setAdding] = useState(false);
  const list = useQuery({
    queryKey: taskKeys.projectList({ locationId, status }),
    queryFn: () => unwrap(api.GET('/api/projects', { params: { query: { status, limit: 200, ...(locationId && { locationId }) } } })),
  });
  const change = useSubmit(
    ({ project, to }: { project: Project; to: Status }) =>
      api.PATCH('/api/projects/{id}', {
        params: { path: { id: project.id } },
        headers: { 'if-match': `"${project.version}"` },
        body: { status: to },
      }),
    { invalidate: [taskKeys.projects()], onSuccess: (p) => notifications.show({ color: 'green', message: `${p.name}: ${p.status}` }) },
  );
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>Projects</Title>
        {can('task:manage') && (
          <Button leftSection={<IconPlus size={16} />} variant="default" onClick={() => setAdding(true)}>
            New project
          </Button>
        )}
      </Group>
      <SegmentedControl data={STATUSES} value={status} onChange={(v) => setStatus(v as Status)} aria-label="Which projects" />
      {change.error && (
        <Alert color="red" role="alert">
          {change.error}
        </Alert>
      )}
      {list.isPending && <Loader aria-label="Loading projects" />}
      {list.isError && <Alert color="red">{list.error.message}</Alert>}
      {list.data?.items.length === 0 && <Text>No projects here.</Text>}
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
        {list.data?.items.map((p) => (
          <Card key={p.id} withBorder component="article" aria-labelledby={`project-${p.id}`} data-testid="project-card">
            <Title order={2} size="h4" id={`project-${p.id}`}>
              {p.name}
            </Title>
            {p.description && (
              <Text size="sm" c="dimmed" lineClamp={2}>
                {p.description}
              </Text>
            )}
            <Group justify="space-between" mt="sm">
              <Text size="sm">
                {p.tasks.done} of {p.tasks.total} tasks done
              </Text>
              <Text size="sm" fw={600}>
                {p.progress}%
              </Text>
            </Group>
            <Progress value={p.progress} aria-label={`${p.name}: ${p.progress}% done`} mt={4} />
            <Text size="xs" mt={6}>
              {[
                p.ownerName && `Led by ${p.ownerName}`,
                p.dueOn && `due ${p.dueOn}`,
                p.tasks.inProgress > 0 && `${p.tasks.inProgress} in progress`,
                p.tasks.overdue > 0 && `${p.tasks.overdue} overdue`,
              ]
                .filter(Boolean)
                .join(' · ')}
            </Text>
            <Group mt="sm" gap="xs">
              <Button component={Link} to={`/tasks?project=${p.id}`} size="compact-sm" variant="light">
                Tasks
              </Button>
              {can('task:manage') && p.status === 'active' && (
                <Button
                  size="compact-sm"
                  variant="subtle"
                  onClick={() => void change.submit({ project: p, to: 'done' })}
                  aria-label={`Finish ${p.name}`}
                >
                  Finish
                </Button>
              )}
              {can('task:manage') && p.status !== 'archived' && (
                <Button
                  size="compact-sm"
                  variant="subtle"
                  color="gray"
                  onClick={() => void change.submit({ project: p, to: 'archived' })}
                  aria-label={`Archive ${p.name}`}
                >
                  Archive
                </Button>
              )}
              {can('task:manage') && p.status !== 'active' && (
                <Button
                  size="compact-sm"
                  variant="subtle"
                  onClick={() => void change.submit({ project: p, to: 'active' })}
                  aria-label={`Reopen ${p.name}`}
                >
                  Reopen
                </Button>
              )}
            </Group>
          </Card>
        ))}
      </SimpleGrid>
      <Modal opened={adding} onClose={() => setAdding(false)} title="New project">
        {adding && <NewProjectForm locationId={locationId} onSaved={() => setAdding(false)} />}
      </Modal>
    </Stack>
  );
}

function NewProjectForm(props: { locationId: string | null; onSaved(): void }) {
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [ownerId, setOwnerId] = useState<string | null>(null);
  const [dueOn, setDueOn] = useState('');
  const staff = useAssigneeOptions();
  const saving = useSubmit(
    () =>
      api.POST('/api/projects', {
        body: {
          name,
          description,
          ...(ownerId && { ownerId }),
          ...(dueOn && { dueOn }),
          ...(props.locationId && { locationId: props.locationId }),
        },
      }),
    {
      invalidate: [taskKeys.projects()],
      onSuccess: (p) => {
        notifications.show({ color: 'green', message: `Project started: ${p.name}` });
        props.onSaved();
      },
    },
  );
  return (
    <ProblemForm saving={saving} submitLabel="Start project">
      <TextInput
        label="Name"
        value={name}
        onChange={(e) => setName(e.currentTarget.value)}
        error={saving.errors.name}
        required
        data-autofocus
      />
      <Textarea
        label="Description"
        value={description}
        onChange={(e) => setDescription(e.currentTarget.value)}
        error={saving.errors.description}
        rows={2}
      />
      <Group grow align="flex-start">
        <Select
          label="Led by"
          placeholder="Nobody yet"
          data={staff}
          value={ownerId}
          onChange={setOwnerId}
          searchable
          clearable
          error={saving.errors.ownerId}
        />
        <TextInput type="date" label="Due" value={dueOn} onChange={(e) => setDueOn(e.currentTarget.value)} error={saving.errors.dueOn} />
      </Group>
    </ProblemForm>
  );
}
