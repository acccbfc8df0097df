/**
 * Procedure lines: code from the practice's list (picker), modifiers, units, and which of the
 * first four diagnoses each line points to (checkboxes, 1-based; at most four pointers).
 */
import { ActionIcon, Alert, Checkbox, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { ProcedurePicker } from '../codes/ProcedurePicker.tsx';
import { MAX_POINTERS, parseModifiers } from './coding.ts';
import type { Diagnosis, ProcedureLine } from './encounters-api.ts';

function ModifiersInput(props: { line: ProcedureLine; readOnly: boolean; error?: string; onChange(modifiers: string[]): void }) {
  const [text, setText] = useState(props.line.modifiers.join(' '));
  return (
    <TextInput
      aria-label={`Modifiers for ${props.line.code}`}
      placeholder={props.readOnly ? undefined : '25 59'}
      w={110}
      value={text}
      readOnly={props.readOnly}
      error={props.error}
      onChange={(e) => {
        setText(e.currentTarget.value);
        props.onChange(parseModifiers(e.currentTarget.value));
      }}
    />
  );
}

function UnitsInput(props: { line: ProcedureLine; readOnly: boolean; error?: string; onChange(units: number): void }) {
  const [text, setText] = useState(String(props.line.units));
  return (
    <TextInput
      aria-label={`Units for ${props.line.code}`}
      inputMode="numeric"
      w={70}
      value={text}
      readOnly={props.readOnly}
      error={props.error ?? (/^\d+$/.test(text.trim()) ? undefined : 'Whole number')}
      onChange={(e) => {
        const t = e.currentTarget.value;
        setText(t);
        if (/^\d+$/.test(t.trim())) props.onChange(Number(t.trim()));
      }}
    />
  );
}

export function ProceduresList(props: {
  value: ProcedureLine[];
  diagnoses: Diagnosis[];
  readOnly: boolean;
  errors: Record<string, string>;
  onChange(next: ProcedureLine[]): void;
}) {
  const lines = props.value;
  const pointable = props.diagnoses.slice(0, MAX_POINTERS);
  const err = (i: number, field: string) => props.errors[`procedures.${i}.${field}`];
  const setLine = (i: number, patch: Partial<ProcedureLine>) => props.onChange(lines.map((l, j) => (j === i ? { ...l, ...patch } : l)));
  const lineErrors = Object.entries(props.errors).filter(([p]) => p === 'procedures' || /^procedures\.\d+$/.test(p));
  return (
    <Stack gap="xs" component="section" aria-labelledby="procedures-heading" id="encounter-procedures">
      <Title order={2} size="h4" id="procedures-heading">
        Procedures
      </Title>
      {lines.length === 0 ? (
        <Text size="sm" c="dimmed">
          No procedure yet.
        </Text>
      ) : (
        <Table data-testid="procedures" aria-labelledby="procedures-heading">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={90}>Code</Table.Th>
              <Table.Th>Description</Table.Th>
              <Table.Th w={120}>Modifiers</Table.Th>
              <Table.Th w={80}>Units</Table.Th>
              <Table.Th>Diagnosis pointers</Table.Th>
              {!props.readOnly && <Table.Th w={48}>Remove</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {lines.map((line, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a code may appear on two lines; the line number is the identity
              <Table.Tr key={`${i}-${line.code}`} data-testid="procedure-row" data-code={line.code}>
                <Table.Td>
                  <Text ff="monospace">{line.code}</Text>
                </Table.Td>
                <Table.Td>{line.description ?? ''}</Table.Td>
                <Table.Td>
                  <ModifiersInput
                    line={line}
                    readOnly={props.readOnly}
                    error={err(i, 'modifiers')}
                    onChange={(modifiers) => setLine(i, { modifiers })}
                  />
                </Table.Td>
                <Table.Td>
                  <UnitsInput line={line} readOnly={props.readOnly} error={err(i, 'units')} onChange={(units) => setLine(i, { units })} />
                </Table.Td>
                <Table.Td>
                  <Group gap="xs" wrap="nowrap" role="group" aria-label={`Diagnosis pointers for ${line.code}`}>
                    {pointable.length === 0 && (
                      <Text size="sm" c="dimmed">
                        Add a diagnosis first
                      </Text>
                    )}
                    {pointable.map((d, k) => {
                      const n = k + 1;
                      const on = line.diagnosisPointers.includes(n);
                      return (
                        <Checkbox
                          key={d.code}
                          label={String(n)}
                          aria-label={`${line.code} points to diagnosis ${n} (${d.code})`}
                          title={`${n}: ${d.code} ${d.description ?? ''}`}
                          checked={on}
                          disabled={props.readOnly}
                          onChange={(e) => {
                            const next = e.currentTarget.checked
                              ? [...line.diagnosisPointers, n].sort((a, b) => a - b)
                              : line.diagnosisPointers.filter((p) => p !== n);
                            setLine(i, { diagnosisPointers: next });
                          }}
                        />
                      );
                    })}
                  </Group>
                  {err(i, 'diagnosisPointers') && (
                    <Text size="xs" c="red">
                      {err(i, 'diagnosisPointers')}
                    </Text>
                  )}
                </Table.Td>
                {!props.readOnly && (
                  <Table.Td>
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={`Remove ${line.code}`}
                      onClick={() => props.onChange(lines.filter((_, j) => j !== i))}
                    >
                      <IconX size={16} />
                    </ActionIcon>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {lineErrors.map(([path, message]) => (
        <Alert key={path} color="red" p="xs">
          {message}
        </Alert>
      ))}
      {!props.readOnly && (
        <ProcedurePicker
          label="Add procedure"
          onPick={(entry) =>
            props.onChange([...lines, { code: entry.code, description: entry.description, modifiers: [], units: 1, diagnosisPointers: [] }])
          }
        />
      )}
    </Stack>
  );
}
