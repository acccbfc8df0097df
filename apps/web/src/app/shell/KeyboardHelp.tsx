/**
 * The `?` help: every shortcut registered right now (app/shortcuts.ts), by section. Registers
 * the keys that work everywhere; pages add theirs with `useShortcuts` while they are shown.
 */
import { Group, Kbd, Modal, Stack, Table, Text, Title } from '@mantine/core';
import { useCan } from '../../features/auth/use-me.ts';
import { keyLabel, type Shortcut, setKeyboardHelpOpen, useKeyboardHelpOpen, useShortcutSections, useShortcuts } from '../shortcuts.ts';

export function KeyboardHelp() {
  const opened = useKeyboardHelpOpen();
  const sections = useShortcutSections();
  const can = useCan();
  const everywhere: Shortcut[] = [
    { keys: ['?'], label: 'Show keyboard shortcuts', run: () => setKeyboardHelpOpen(true) },
    // The header's search box listens for `/` itself (features/patients/HeaderPatientSearch.tsx).
    ...(can('patient:read') ? [{ keys: ['/'], label: 'Find a patient' }] : []),
    { keys: ['Escape'], label: 'Close a dialog or menu' },
  ];
  useShortcuts('Everywhere', everywhere);

  return (
    <Modal opened={opened} onClose={() => setKeyboardHelpOpen(false)} title="Keyboard shortcuts" size="lg">
      <Stack data-testid="keyboard-help">
        <Text size="sm">Shortcuts work when you are not typing in a field.</Text>
        {sections.map(({ section, shortcuts }) => (
          <Stack key={section} gap="xs">
            <Title order={3} size="h5">
              {section}
            </Title>
            <Table aria-label={`${section} shortcuts`}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={140}>Keys</Table.Th>
                  <Table.Th>Action</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {shortcuts.map((s) => (
                  <Table.Tr key={s.label}>
                    <Table.Td>
                      <Group gap={4} wrap="nowrap">
                        {s.keys.map((k, i) => (
                          <span key={k}>
                            {i > 0 && (
                              <Text span size="sm" mr={4}>
                                or
                              </Text>
                            )}
                            <Kbd>{keyLabel(k)}</Kbd>
                          </span>
                        ))}
                      </Group>
                    </Table.Td>
                    <Table.Td>{s.label}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Stack>
        ))}
      </Stack>
    </Modal>
  );
}
