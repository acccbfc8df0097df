import { Button, Group } from '@mantine/core';
import { movesOf, type useMoveTask } from './use-task-actions.ts';
import type { Task } from './tasks-api.ts';

/** The buttons that move one task along; each names the task for screen readers. */
export function TaskMoves(props: { task: Task; move: ReturnType<typeof useMoveTask> }) {
  const { task, move } = props;
  return (
    <Group gap={4} wrap="nowrap">
      {movesOf(task.status).map((m) => (
        <Button
          key={m.to}
          size="compact-sm"
          variant={m.to === 'done' ? 'light' : 'subtle'}
          onClick={() => void move.submit({ task, status: m.to })}
          aria-label={`${m.label} ${task.title}`}
        >
          {m.label}
        </Button>
      ))}
    </Group>
  );
}
