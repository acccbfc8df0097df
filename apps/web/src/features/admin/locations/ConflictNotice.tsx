import { Alert, Button, Group, Table, Text } from '@mantine/core';
import { differences, FIELD_LABELS, type LocationFormValues } from './location-form-values.ts';

const show = (v: string | boolean) => (typeof v === 'boolean' ? (v ? 'yes' : 'no') : v || '—');

/** 412 from the server: someone saved this location after it was opened. Show their values; let the user choose. */
export function ConflictNotice(props: {
  mine: LocationFormValues;
  theirs: LocationFormValues;
  onLoadTheirs: () => void;
  onKeepMine: () => void;
}) {
  const changed = differences(props.mine, props.theirs);
  return (
    <Alert color="orange" title="This location was changed by someone else" role="alert" data-testid="conflict-notice">
      <Text size="sm" mb="xs">
        It was saved by another user after you opened it. Current saved values that differ from yours:
      </Text>
      <Table withTableBorder fz="sm" mb="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Field</Table.Th>
            <Table.Th>Saved now</Table.Th>
            <Table.Th>Yours</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {changed.map((k) => (
            <Table.Tr key={k}>
              <Table.Td>{FIELD_LABELS[k]}</Table.Td>
              <Table.Td>{show(props.theirs[k])}</Table.Td>
              <Table.Td>{show(props.mine[k])}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Group gap="xs">
        <Button size="xs" variant="filled" onClick={props.onLoadTheirs}>
          Load current values
        </Button>
        <Button size="xs" variant="default" onClick={props.onKeepMine}>
          Keep mine (save over theirs)
        </Button>
      </Group>
    </Alert>
  );
}
