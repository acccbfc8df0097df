/** Merge screen: pick the surviving record and the duplicate, compare, confirm. */
import { Alert, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { api } from '../../api/client.ts';
import { useSubmit } from '../../api/use-submit.ts';
import { flowKeys } from '../flow/query-keys.ts';
import { scheduleKeys } from '../schedule/query-keys.ts';
import { waitlistKeys } from '../waitlist/query-keys.ts';
import { PatientSearchBox } from './PatientSearch.tsx';
import type { PatientSummary } from './patients-api.ts';
import { patientKeys } from './query-keys.ts';

function Pick(props: { title: string; value: PatientSummary | null; onPick: (p: PatientSummary | null) => void }) {
  return (
    <Card withBorder>
      <Title order={3}>{props.title}</Title>
      {props.value ? (
        <Stack gap={4}>
          <Text fw={600}>
            {props.value.familyName}, {props.value.givenName}
          </Text>
          <Text size="sm">
            born {props.value.birthDate} · MRN {props.value.mrn}
          </Text>
          <Button size="xs" variant="subtle" onClick={() => props.onPick(null)}>
            Change
          </Button>
        </Stack>
      ) : (
        <PatientSearchBox label="Search" onPick={props.onPick} />
      )}
    </Card>
  );
}

export function MergePatients(props: { survivor: PatientSummary | null; onDone: (survivorId: string) => void; onCancel: () => void }) {
  const [survivor, setSurvivor] = useState<PatientSummary | null>(props.survivor);
  const [merged, setMerged] = useState<PatientSummary | null>(null);
  const { submit, error } = useSubmit(
    (survivorId: string, mergedId: string) => api.POST('/api/patients/merge', { body: { survivorId, mergedId } }),
    {
      // Both records and everything linked to the duplicate (visits, waiting-list entries) changed owner.
      invalidate: [patientKeys.all, scheduleKeys.appointmentLists(), flowKeys.boards(), waitlistKeys.entryLists()],
      onSuccess: (survivorRecord) => props.onDone(survivorRecord.id),
      onProblem: (problem) => problem.detail,
    },
  );
  const merge = () => {
    if (survivor && merged) void submit(survivor.id, merged.id);
  };
  return (
    <Stack>
      <Title order={1}>Merge duplicate records</Title>
      <Text size="sm">
        Everything linked to the duplicate (insurance, documents, care team, appointments…) moves to the surviving record. The duplicate
        stays as a pointer to it. This is audited and cannot be undone here.
      </Text>
      <SimpleGrid cols={2}>
        <Pick title="Keep (survivor)" value={survivor} onPick={setSurvivor} />
        <Pick title="Merge away (duplicate)" value={merged} onPick={setMerged} />
      </SimpleGrid>
      {error && <Alert color="red">{error}</Alert>}
      <Group justify="flex-end">
        <Button variant="default" onClick={props.onCancel}>
          Cancel
        </Button>
        <Button color="red" disabled={!survivor || !merged || survivor.id === merged.id} onClick={merge}>
          Merge
        </Button>
      </Group>
    </Stack>
  );
}
