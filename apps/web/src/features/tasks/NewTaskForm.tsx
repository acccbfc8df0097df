/** Writing a task by hand: title, note, kind, assignee, due date, priority, project. */
import { Group, Select, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { api } from '../../api/client.ts';
import { ProblemForm } from '../../app/ProblemForm.tsx';
import { useSubmit } from '../../api/use-submit.ts';
import { taskKeys } from './query-keys.ts';
import { KIND_LABELS, PRIORITY_LABELS, type TaskKind, type TaskPriority } from './tasks-api.ts';
import { useAssigneeOptions } from './use-assignees.ts';
import { useProjectOptions } from './use-projects.ts';

const options = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label }));

export function NewTaskForm(props: { projectId?: string | null; onSaved(): void }) {
  const [title, setTitle] = useState('');
  const [note, setNote] = useState('');
  const [kind, setKind] = useState<TaskKind>('general');
  const [assigneeId, setAssigneeId] = useState<string | null>(null);
  const [dueOn, setDueOn] = useState('');
  const [priority, setPriority] = useState<TaskPriority>('normal');
  const [projectId, setProjectId] = useState<string | null>(props.projectId ?? null);
  const assignees = useAssigneeOptions();
  const projects = useProjectOptions();
  const saving = useSubmit(
    () =>
      api.POST('/api/tasks', {
        body: {
          title,
          note,
          kind,
          priority,
          ...(assigneeId && { assigneeId }),
          ...(dueOn && { dueOn }),
          ...(projectId && { projectId }),
        },
      }),
    {
      invalidate: [taskKeys.lists()],
      onSuccess: (t) => {
        notifications.show({ color: 'green', message: `Task added: ${t.title}` });
        props.onSaved();
      },
    },
  );
  return (
    <ProblemForm saving={saving} submitLabel="Add task">
      <TextInput
        label="Title"
        value={title}
        onChange={(e) => setTitle(e.currentTarget.value)}
        error={saving.errors.title}
        required
        data-autofocus
      />
      <Textarea
        label="Note"
        value={note}
        onChange={(e) => setNote(e.currentTarget.value)}
        error={saving.errors.note}
        rows={2}
        maxLength={2000}
      />
      <Group grow align="flex-start">
        <Select
          label="Kind"
          data={options(KIND_LABELS)}
          value={kind}
          onChange={(v) => v && setKind(v as TaskKind)}
          allowDeselect={false}
          error={saving.errors.kind}
        />
        <Select
          label="Project"
          placeholder="None"
          data={projects}
          value={projectId}
          onChange={setProjectId}
          clearable
          error={saving.errors.projectId}
        />
      </Group>
      <Group grow align="flex-start">
        <Select
          label="Assign to"
          placeholder="Nobody yet"
          data={assignees}
          value={assigneeId}
          onChange={setAssigneeId}
          searchable
          clearable
          error={saving.errors.assigneeId}
        />
        <TextInput type="date" label="Due" value={dueOn} onChange={(e) => setDueOn(e.currentTarget.value)} error={saving.errors.dueOn} />
        <Select
          label="Priority"
          data={options(PRIORITY_LABELS)}
          value={priority}
          onChange={(v) => v && setPriority(v as TaskPriority)}
          allowDeselect={false}
        />
      </Group>
    </ProblemForm>
  );
}
