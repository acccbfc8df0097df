/**
 * The encounter's diagnoses in order (1 is the primary): add through the ICD-10-CM picker
 * (billable codes only), move up or down with buttons (keyboard reachable), remove.
 */
import { ActionIcon, Alert, Group, Stack, Table, Text, Title } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { Icd10Picker } from '../codes/Icd10Picker.tsx';
import { MAX_DIAGNOSES, move } from './coding.ts';
import type { Diagnosis } from './encounters-api.ts';

export function DiagnosesList(props: {
  value: Diagnosis[];
  readOnly: boolean;
  errors: Record<string, string>;
  onChange(next: Diagnosis[]): void;
}) {
  const [notice, setNotice] = useState<string | null>(null);
  const list = props.value;
  const serverErrors = Object.entries(props.errors).filter(([p]) => p === 'diagnoses' || p.startsWith('diagnoses.'));
  return (
    <Stack gap="xs" component="section" aria-labelledby="diagnoses-heading" id="encounter-diagnoses">
      <Title order={2} size="h4" id="diagnoses-heading">
        Diagnoses
      </Title>
      {list.length === 0 ? (
        <Text size="sm" c="dimmed">
          No diagnosis yet.
        </Text>
      ) : (
        <Table data-testid="diagnoses" aria-labelledby="diagnoses-heading">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={40}>#</Table.Th>
              <Table.Th w={100}>Code</Table.Th>
              <Table.Th>Description</Table.Th>
              {!props.readOnly && <Table.Th w={120}>Order</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.map((d, i) => (
              <Table.Tr key={d.code} data-testid="diagnosis-row" data-code={d.code}>
                <Table.Td>{i + 1}</Table.Td>
                <Table.Td>
                  <Text ff="monospace">{d.code}</Text>
                </Table.Td>
                <Table.Td>{d.description ?? ''}</Table.Td>
                {!props.readOnly && (
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      <ActionIcon
                        variant="subtle"
                        aria-label={`Move ${d.code} up`}
                        disabled={i === 0}
                        onClick={() => props.onChange(move(list, i, i - 1))}
                      >
                        <IconArrowUp size={16} />
                      </ActionIcon>
                      <ActionIcon
                        variant="subtle"
                        aria-label={`Move ${d.code} down`}
                        disabled={i === list.length - 1}
                        onClick={() => props.onChange(move(list, i, i + 1))}
                      >
                        <IconArrowDown size={16} />
                      </ActionIcon>
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        aria-label={`Remove ${d.code}`}
                        onClick={() => props.onChange(list.filter((_, j) => j !== i))}
                      >
                        <IconX size={16} />
                      </ActionIcon>
                    </Group>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {serverErrors.map(([path, message]) => (
        <Alert key={path} color="red" p="xs">
          {message}
        </Alert>
      ))}
      {!props.readOnly && (
        <>
          <Icd10Picker
            label="Add diagnosis (ICD-10-CM)"
            billableOnly
            onPick={(c) => {
              if (list.some((d) => d.code === c.code)) setNotice(`${c.code} is already listed.`);
              else if (list.length >= MAX_DIAGNOSES) setNotice(`At most ${MAX_DIAGNOSES} diagnoses.`);
              else {
                setNotice(null);
                props.onChange([...list, { code: c.code, description: c.description }]);
              }
            }}
          />
          {notice && (
            <Text size="sm" role="status">
              {notice}
            </Text>
          )}
        </>
      )}
    </Stack>
  );
}
