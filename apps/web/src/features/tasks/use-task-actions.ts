/** Moving a task along (start, complete, reopen) with If-Match, as one hook the list and the board share. */
import { notifications } from '@mantine/notifications';
import { api } from '../../api/client.ts';
import { useSubmit } from '../../api/use-submit.ts';
import { taskKeys } from './query-keys.ts';
import { STATUS_LABELS, type Task, type TaskStatus } from './tasks-api.ts';

export function useMoveTask() {
  return useSubmit(
    ({ task, status }: { task: Task; status: TaskStatus }) =>
      api.PATCH('/api/tasks/{id}', {
        params: { path: { id: task.id } },
        headers: { 'if-match': `"${task.version}"` },
        body: { status },
      }),
    {
      invalidate: [taskKeys.lists()],
      onSuccess: (t) => notifications.show({ color: 'green', message: `${STATUS_LABELS[t.status]}: ${t.title}` }),
    },
  );
}

/** The moves a task offers from where it is. */
export function movesOf(status: TaskStatus): { to: TaskStatus; label: string }[] {
  if (status === 'open')
    return [
      { to: 'in_progress', label: 'Start' },
      { to: 'done', label: 'Complete' },
    ];
  if (status === 'in_progress')
    return [
      { to: 'done', label: 'Complete' },
      { to: 'open', label: 'Back to do' },
    ];
  return [{ to: 'open', label: 'Reopen' }];
}
