/** Inline patient search for booking: type a name, birth date, phone or MRN; pick one result. */
import { Button, Group, Loader, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { patientSearchQuery } from '../patients/patients-api.ts';

export interface PickedPatient {
  id: string;
  name: string;
  birthDate: string;
}

export function PatientPicker(props: { value: PickedPatient | null; onChange: (p: PickedPatient | null) => void }) {
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q.trim(), 250);
  const results = useQuery({ ...patientSearchQuery(debounced, 8), enabled: debounced.length >= 2 && props.value === null });
  if (props.value) {
    return (
      <Group justify="space-between" data-testid="picked-patient">
        <Text fw={600}>
          {props.value.name}{' '}
          <Text span c="dimmed">
            (born {props.value.birthDate})
          </Text>
        </Text>
        <Button variant="subtle" size="compact-sm" onClick={() => props.onChange(null)}>
          Change patient
        </Button>
      </Group>
    );
  }
  return (
    <Stack gap={4}>
      <TextInput
        label="Patient"
        placeholder="Name, birth date, phone or MRN"
        leftSection={<IconSearch size={16} />}
        rightSection={results.isFetching ? <Loader size="xs" /> : null}
        value={q}
        onChange={(e) => setQ(e.currentTarget.value)}
        data-autofocus
        data-testid="booking-patient-search"
      />
      {results.data?.items.length === 0 && (
        <Text c="dimmed" size="sm">
          No patient matches.
        </Text>
      )}
      {results.data?.items.map((p) => (
        <Button
          key={p.id}
          variant="light"
          justify="space-between"
          rightSection={<Text size="xs">{p.birthDate}</Text>}
          onClick={() => props.onChange({ id: p.id, name: `${p.givenName} ${p.familyName}`, birthDate: p.birthDate })}
        >
          {p.familyName}, {p.givenName}
        </Button>
      ))}
    </Stack>
  );
}
