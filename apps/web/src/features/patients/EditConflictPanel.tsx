/**
 * Shown when a save answers 412: who changed the record meanwhile and which fields
 * (before → after, from the audit trail), next to the edits this user is about to lose.
 * Reapply sends only this user's fields on top of the current version; discard keeps theirs.
 */
import { Alert, Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { providerName, useLocations, useProviders } from '../schedule/schedule-api.ts';
import { FIELD_LABELS, formatValue } from './demographics-patch.ts';
import { fullName, type LastChange, type Patient, type PatientPatch, patientQuery } from './patients-api.ts';

export interface EditConflict {
  current: Patient;
  lastChange: LastChange | null;
  etag: string;
  /** The fields this user edited, as they were sent. */
  mine: PatientPatch;
}

const label = (field: string) => FIELD_LABELS[field] ?? field;

/** Names for the ids a change can hold (primary provider, preferred location, a guarantor patient): never show a UUID. */
function useNames(conflict: EditConflict): (id: string) => string | undefined {
  const providers = useProviders();
  const locations = useLocations();
  const guarantorIds = [
    conflict.current.guarantor,
    conflict.mine.guarantor,
    ...Object.values(conflict.lastChange?.changes ?? {}).flatMap((c) => [c.before, c.after]),
  ]
    .map((g) => (g && typeof g === 'object' && 'patientId' in g ? String((g as { patientId: unknown }).patientId) : null))
    .filter((id): id is string => id !== null);
  const first = useQuery({ ...patientQuery(guarantorIds[0] ?? ''), enabled: guarantorIds.length > 0 });
  return (id) => {
    const provider = providers.data?.find((p) => p.id === id);
    if (provider) return providerName(provider);
    const location = locations.data?.items.find((l) => l.id === id);
    if (location) return location.name;
    if (first.data?.id === id) return fullName(first.data);
    return undefined;
  };
}

export function EditConflictPanel(props: { conflict: EditConflict; busy: boolean; onReapply: () => void; onDiscard: () => void }) {
  const { lastChange, mine } = props.conflict;
  const nameOf = useNames(props.conflict);
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
                  <Table.Td>{formatValue(c.before, nameOf)}</Table.Td>
                  <Table.Td>{formatValue(c.after, nameOf)}</Table.Td>
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
                  {formatValue((props.conflict.current as Record<string, unknown>)[field], nameOf)} → {formatValue(value, nameOf)}
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
