/** The practice's quick texts, in a popover beside the note: what to type and what it becomes. */
import { Button, Popover, Table, Text } from '@mantine/core';
import type { QuickText } from './encounters-api.ts';
import { normalizeAbbreviation } from './quick-text.ts';

export function QuickTextHelp(props: { items: QuickText[] }) {
  return (
    <Popover width={420} position="bottom-start" withArrow trapFocus shadow="md">
      <Popover.Target>
        <Button variant="default" size="sm" mt={24}>
          Quick texts ({props.items.length})
        </Button>
      </Popover.Target>
      <Popover.Dropdown aria-label="Quick texts">
        <Text size="sm" mb="xs">
          Type an abbreviation, then Space or Tab.
        </Text>
        {props.items.length === 0 ? (
          <Text size="sm">The practice has no quick text yet.</Text>
        ) : (
          <div className="quick-text-list">
            <Table aria-label="Quick texts">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Type</Table.Th>
                  <Table.Th>Becomes</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {props.items.map((q) => (
                  <Table.Tr key={q.id}>
                    <Table.Td>
                      <Text ff="monospace" size="sm">
                        {normalizeAbbreviation(q.abbreviation)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" lineClamp={3} className="note-text">
                        {q.text}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </div>
        )}
      </Popover.Dropdown>
    </Popover>
  );
}
