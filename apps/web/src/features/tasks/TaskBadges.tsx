import { Badge, Group, Text } from '@mantine/core';
import { KIND_LABELS, PRIORITY_COLORS, PRIORITY_LABELS, SOURCE_LABELS, type Task } from './tasks-api.ts';

/** A task's title with what stands out about it: priority, in progress, past its service level, its kind and project. */
export function TaskTitle(props: { task: Task }) {
  const t = props.task;
  return (
    <>
      <Group gap={6}>
        <Text size="sm" fw={500}>
          {t.title}
        </Text>
        {t.priority !== 'normal' && (
          <Badge size="sm" variant="light" color={PRIORITY_COLORS[t.priority]}>
            {PRIORITY_LABELS[t.priority]}
          </Badge>
        )}
        {t.status === 'in_progress' && (
          <Badge size="sm" variant="light" color="grape">
            In progress
          </Badge>
        )}
        {t.slaBreached && (
          <Badge size="sm" variant="filled" color="red" title={t.slaDueAt ? `Due by ${new Date(t.slaDueAt).toLocaleString()}` : undefined}>
            Past service level
          </Badge>
        )}
      </Group>
      <Text size="xs" c="dimmed" lineClamp={2}>
        {[t.kind !== 'general' && KIND_LABELS[t.kind], t.projectName && `Project: ${t.projectName}`, SOURCE_LABELS[t.source], t.note]
          .filter(Boolean)
          .join(' · ')}
      </Text>
    </>
  );
}
