/**
 * Tasks: mine, the selected location's, those past their service level, or done ones; as a
 * list or as a board (to do, in progress, done) with buttons that move a task along (If-Match).
 * "New task" writes one by hand, optionally in a project; managers set the service levels.
 */
import { Alert, Badge, Button, Card, Group, Loader, Modal, SegmentedControl, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconClockExclamation, IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { api, unwrap } from '../../api/client.ts';
import { ListTable } from '../../app/ListTable.tsx';
import { useSelectedLocation } from '../../app/use-selected-location.ts';
import { useCan } from '../auth/use-me.ts';
import { NewTaskForm } from './NewTaskForm.tsx';
import { taskKeys } from './query-keys.ts';
import { ServiceLevelsForm } from './ServiceLevelsForm.tsx';
import { TaskTitle } from './TaskBadges.tsx';
import { TaskMoves } from './TaskMoves.tsx';
import { STATUS_LABELS, type Task, type TaskStatus } from './tasks-api.ts';
import { useProjectOptions } from './use-projects.ts';
import { useMoveTask } from './use-task-actions.ts';

type View = 'mine' | 'location' | 'late' | 'done';
const VIEWS = [
  { value: 'mine', label: 'My tasks' },
  { value: 'location', label: 'This location' },
  { value: 'late', label: 'Past service level' },
  { value: 'done', label: 'Done' },
];
type Layout = 'list' | 'board';
const LAYOUTS = [
  { value: 'list', label: 'List' },
  { value: 'board', label: 'Board' },
];
const BOARD: TaskStatus[] = ['open', 'in_progress', 'done'];

export function TasksPage() {
  const can = useCan();
  const locationId = useSelectedLocation();
  const [params, setParams] = useSearchParams();
  const projectId = params.get('project');
  const [view, setView] = useState<View>(projectId ? 'location' : 'mine');
  const [layout, setLayout] = useState<Layout>('list');
  const [adding, setAdding] = useState(false);
  const [levels, setLevels] = useState(false);
  const projects = useProjectOptions();
  const scope = {
    ...(view === 'mine' && { assignee: 'me' as const }),
    ...(view !== 'mine' && !projectId && locationId && { locationId }),
    ...(view === 'late' && { slaBreached: 'true' as const }),
    ...(projectId && { projectId }),
  };
  const status = layout === 'board' ? ('active' as const) : view === 'done' ? ('done' as const) : ('active' as const);
  const list = useQuery({
    queryKey: taskKeys.list({ ...scope, status }),
    queryFn: () => unwrap(api.GET('/api/tasks', { params: { query: { limit: 200, ...scope, status } } })),
  });
  const done = useQuery({
    queryKey: taskKeys.list({ ...scope, status: 'done' }),
    queryFn: () => unwrap(api.GET('/api/tasks', { params: { query: { limit: 50, ...scope, status: 'done' } } })),
    enabled: layout === 'board',
  });
  const move = useMoveTask();
  const items = list.data?.items ?? [];
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>Tasks</Title>
        <Group gap="xs">
          {can('task:manage') && (
            <Button leftSection={<IconClockExclamation size={16} />} variant="subtle" onClick={() => setLevels(true)}>
              Service levels
            </Button>
          )}
          {can('task:write') && (
            <Button leftSection={<IconPlus size={16} />} variant="default" onClick={() => setAdding(true)}>
              New task
            </Button>
          )}
        </Group>
      </Group>
      <Group gap="sm" align="flex-end">
        <SegmentedControl data={VIEWS} value={view} onChange={(v) => setView(v as View)} aria-label="Which tasks" />
        <SegmentedControl data={LAYOUTS} value={layout} onChange={(v) => setLayout(v as Layout)} aria-label="Layout" />
        <Select
          label="Project"
          placeholder="Any project"
          data={projects}
          value={projectId}
          onChange={(v) => setParams(v ? { project: v } : {})}
          clearable
          w={240}
        />
      </Group>
      {move.error && (
        <Alert color="red" role="alert">
          {move.error}
        </Alert>
      )}
      {list.isPending && <Loader aria-label="Loading tasks" />}
      {list.isError && <Alert color="red">{list.error.message}</Alert>}
      {layout === 'list' && <TaskTable tasks={list.data?.items} move={move} canMove={can('task:write')} />}
      {layout === 'board' && list.data && (
        <SimpleGrid cols={{ base: 1, sm: 3 }} data-testid="task-board">
          {BOARD.map((column) => {
            const cards = column === 'done' ? (done.data?.items ?? []) : items.filter((t) => t.status === column);
            return (
              <Stack key={column} gap="xs" component="section" aria-labelledby={`board-${column}`}>
                <Group gap={6}>
                  <Title order={2} size="h4" id={`board-${column}`}>
                    {STATUS_LABELS[column]}
                  </Title>
                  <Badge variant="light">{cards.length}</Badge>
                </Group>
                {cards.length === 0 && (
                  <Text size="sm" c="dimmed">
                    Nothing here.
                  </Text>
                )}
                {cards.map((t) => (
                  <Card key={t.id} withBorder padding="sm" data-testid="task-card">
                    <TaskTitle task={t} />
                    <Text size="xs" mt={4}>
                      {t.assigneeName ?? 'Nobody yet'}
                      {t.dueOn && ` · due ${t.dueOn}`}
                      {t.overdue && ' · overdue'}
                    </Text>
                    {can('task:write') && (
                      <Group mt={6}>
                        <TaskMoves task={t} move={move} />
                      </Group>
                    )}
                  </Card>
                ))}
              </Stack>
            );
          })}
        </SimpleGrid>
      )}
      <Modal opened={adding} onClose={() => setAdding(false)} title="New task">
        {adding && <NewTaskForm projectId={projectId} onSaved={() => setAdding(false)} />}
      </Modal>
      <Modal opened={levels} onClose={() => setLevels(false)} title="Service levels">
        {levels && <ServiceLevelsForm />}
      </Modal>
    </Stack>
  );
}

/** Tasks as a table: title and badges, patient, due date, assignee, and the moves. */
function TaskTable(props: { tasks: Task[] | undefined; move: ReturnType<typeof useMoveTask>; canMove: boolean }) {
  return (
    <ListTable
      aria-label="Tasks"
      data-testid="task-list"
      rows={props.tasks}
      rowKey={(t) => t.id}
      rowTestId="task-row"
      empty="No tasks here."
      columns={[
        { header: 'Task', cell: (t) => <TaskTitle task={t} /> },
        { header: 'Patient', cell: (t) => t.patientName ?? '—' },
        {
          header: 'Due',
          cell: (t) => (
            <>
              {t.dueOn ?? '—'}
              {t.overdue && (
                <Badge ml={6} size="sm" color="red" variant="light">
                  Overdue
                </Badge>
              )}
            </>
          ),
        },
        { header: 'For', cell: (t) => t.assigneeName ?? 'Nobody yet' },
      ]}
      actions={(t) => props.canMove && <TaskMoves task={t} move={props.move} />}
    />
  );
}
