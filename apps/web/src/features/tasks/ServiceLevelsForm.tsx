/** The practice's service levels: hours from a task's creation to done, per kind (empty: none). */
import { Alert, Button, Group, Loader, NumberInput, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { useSubmit } from '../../api/use-submit.ts';
import { taskKeys } from './query-keys.ts';
import { KIND_LABELS, type TaskKind } from './tasks-api.ts';

export function ServiceLevelsForm() {
  const levels = useQuery({ queryKey: taskKeys.slas(), queryFn: () => unwrap(api.GET('/api/task-slas')) });
  const [draft, setDraft] = useState<Partial<Record<TaskKind, number | null>>>({});
  const save = useSubmit(
    ({ kind, hours }: { kind: TaskKind; hours: number | null }) => api.PUT('/api/task-slas', { body: { kind, hours } }),
    {
      invalidate: [taskKeys.slas()],
      onSuccess: (l) =>
        notifications.show({
          color: 'green',
          message: l.hours === null ? `${KIND_LABELS[l.kind]}: no service level` : `${KIND_LABELS[l.kind]}: within ${l.hours} hours`,
        }),
    },
  );
  if (levels.isPending) return <Loader aria-label="Loading service levels" />;
  if (levels.isError) return <Alert color="red">{levels.error.message}</Alert>;
  return (
    <Stack gap="sm">
      <Text size="sm">New tasks of a kind must be done within its hours; tasks already made keep the time they got.</Text>
      {save.error && (
        <Alert color="red" role="alert">
          {save.error}
        </Alert>
      )}
      <Table aria-label="Service levels">
        <Table.Tbody>
          {levels.data.items.map((l) => {
            const value = draft[l.kind] !== undefined ? draft[l.kind] : l.hours;
            return (
              <Table.Tr key={l.kind}>
                <Table.Td>{KIND_LABELS[l.kind]}</Table.Td>
                <Table.Td>
                  <NumberInput
                    aria-label={`${KIND_LABELS[l.kind]}: hours`}
                    placeholder="None"
                    min={1}
                    max={8760}
                    allowDecimal={false}
                    value={value ?? ''}
                    onChange={(v) => setDraft((d) => ({ ...d, [l.kind]: typeof v === 'number' ? v : null }))}
                    w={110}
                  />
                </Table.Td>
                <Table.Td>
                  <Group justify="flex-end">
                    <Button
                      size="compact-sm"
                      variant="light"
                      disabled={value === l.hours}
                      onClick={() => void save.submit({ kind: l.kind, hours: value ?? null })}
                      aria-label={`Save ${KIND_LABELS[l.kind]}`}
                    >
                      Save
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
