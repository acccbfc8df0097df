/** The one search box: names, typos, birth dates, phones, MRNs. (`/` anywhere focuses the header's box, HeaderPatientSearch.) */
import { Alert, Badge, Button, Group, Loader, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconLock, IconSearch, IconUserPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ageOf, type PatientSummary, patientSearchQuery } from './patients-api.ts';
import { toUsDate } from './us-date.ts';
import { displayPhone } from '../../app/format-phone.ts';

/**
 * `includeLocked`: also list restricted records the user may open only by breaking the glass,
 * as locked entries (name, birth date, MRN); picking one opens the chart, which asks for the
 * reason (BreakGlassPrompt). Pickers leave them out.
 */
export function PatientSearchBox(props: {
  onPick: (p: PatientSummary) => void;
  autoFocus?: boolean;
  label?: string;
  initialQuery?: string;
  includeLocked?: boolean;
}) {
  const [q, setQ] = useState(props.initialQuery ?? '');
  const [debounced] = useDebouncedValue(q.trim(), 250);
  const results = useQuery({
    ...patientSearchQuery(debounced, 25, { includeLocked: props.includeLocked }),
    enabled: debounced.length >= 2,
  });
  return (
    <Stack gap="xs">
      <TextInput
        autoFocus={props.autoFocus}
        label={props.label ?? 'Find a patient'}
        description="Name (any order, first letters, typos ok), birth date (3/7/80), phone or MRN. Press / anywhere to search."
        leftSection={<IconSearch size={16} />}
        value={q}
        onChange={(e) => setQ(e.currentTarget.value)}
        data-testid="patient-search"
      />
      {results.isFetching && <Loader size="sm" aria-label="Searching" />}
      {results.isError && <Alert color="red">{results.error.message}</Alert>}
      {results.data && results.data.items.length === 0 && <Text c="dimmed">No patient matches.</Text>}
      {results.data && results.data.items.length > 0 && (
        <Table highlightOnHover withTableBorder data-testid="patient-results">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>Born</Table.Th>
              <Table.Th>MRN</Table.Th>
              <Table.Th>Phone</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {results.data.items.map((p) => (
              <Table.Tr key={p.id} onClick={() => props.onPick(p)} style={{ cursor: 'pointer' }}>
                <Table.Td>
                  <Button
                    variant="subtle"
                    size="compact-sm"
                    onClick={() => props.onPick(p)}
                    leftSection={p.locked ? <IconLock size={14} aria-hidden /> : undefined}
                    aria-label={p.locked ? `${p.familyName}, ${p.givenName}: restricted record, break the glass to open` : undefined}
                  >
                    {p.familyName}, {p.givenName}
                  </Button>
                  {p.locked && (
                    <Text component="span" size="sm" ml="xs" data-testid="locked-entry">
                      Restricted: opening it asks for an emergency reason
                    </Text>
                  )}
                  {p.status !== 'active' && (
                    <Badge ml="xs" color="gray">
                      {p.status}
                    </Badge>
                  )}
                  {p.restricted && (
                    <Badge ml="xs" color="red">
                      restricted
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>
                  {toUsDate(p.birthDate)} ({ageOf(p.birthDate)})
                </Table.Td>
                <Table.Td>{p.mrn}</Table.Td>
                <Table.Td>{p.phones[0] ? displayPhone(p.phones[0].number) : ''}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

export function PatientSearch(props: {
  onOpen: (id: string) => void;
  onRegister: () => void;
  onMerge?: () => void;
  initialQuery?: string;
}) {
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>Patients</Title>
        <Group>
          {props.onMerge && (
            <Button variant="default" onClick={props.onMerge}>
              Merge duplicates
            </Button>
          )}
          <Button leftSection={<IconUserPlus size={16} />} onClick={props.onRegister}>
            Register patient
          </Button>
        </Group>
      </Group>
      <PatientSearchBox autoFocus includeLocked initialQuery={props.initialQuery} onPick={(p) => props.onOpen(p.id)} />
    </Stack>
  );
}
