/**
 * Shown when a save answers 412: who changed the record meanwhile and which fields
 * (before → after, from the audit trail), next to the edits this user is about to lose.
 * Reapply sends only this user's fields on top of the current version; discard keeps theirs.
 */
import { Alert, Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { FIELD_LABELS, formatValue } from './demographics-patch.ts';
import type { LastChange, Patient, PatientPatch } from './patients-api.ts';

export interface EditConflict {
  current: Patient;
  lastChange: LastChange | null;
  etag: string;
  /** The fields this user edited, as they were sent. */
  mine: PatientPatch;
}

const label = (field: string) => FIELD_LABELS[field] ?? field;

export function EditConflictPanel(props: { conflict: EditConflict; busy: boolean; onReapply: () => void; onDiscard: () => void }) {
  const { lastChange, mine } = props.conflict;
  const theirs = Object.entries(lastChange?.changes ?? {});
  const mineEntries = Object.entries(mine as Record<string, unknown>);
  const who = lastChange
    ? `${lastChange.userDisplayName ?? 'Someone'}${lastChange.role ? ` (${lastChange.role.replace('_', ' ')})` : ''}`
    : null;
  return (
    <Alert color="orange" title="This record was changed while you were editing" data-testid="edit-conflict">
      <Stack gap="sm">
        {lastChange ? (
          <Text size="sm">
            {who} saved a change at {new Date(lastChange.occurredAt).toLocaleString()}:
          </Text>
        ) : (
          <Text size="sm">The record changed after you opened it.</Text>
        )}
        {theirs.length > 0 && (
          <Table fz="sm" withTableBorder aria-label="Their change">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Field</Table.Th>
                <Table.Th>Before</Table.Th>
                <Table.Th>After</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {theirs.map(([field, c]) => (
                <Table.Tr key={field}>
                  <Table.Td>
                    {label(field)}
                    {field in mine && (
                      <Badge ml="xs" size="xs" color="red" variant="light">
                        you changed this too
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>{formatValue(c.before)}</Table.Td>
                  <Table.Td>{formatValue(c.after)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        <Text size="sm" fw={600}>
          Your changes
        </Text>
        <Table fz="sm" withTableBorder aria-label="Your changes">
          <Table.Tbody>
            {mineEntries.map(([field, value]) => (
              <Table.Tr key={field}>
                <Table.Td>{label(field)}</Table.Td>
                <Table.Td>
                  {formatValue((props.conflict.current as Record<string, unknown>)[field])} → {formatValue(value)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Group>
          <Button size="xs" color="orange" loading={props.busy} onClick={props.onReapply}>
            Reapply my changes
          </Button>
          <Button size="xs" variant="default" disabled={props.busy} onClick={props.onDiscard}>
            Discard my changes
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
