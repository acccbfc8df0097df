/** Set a recall for a patient (POST /api/patients/{id}/recalls). */
import { Alert, Button, Group, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { api } from '../../api/client.ts';
import { fieldErrors } from '../../api/problem.ts';
import { useSubmit } from '../../api/use-submit.ts';
import { PatientPicker, type PickedPatient } from '../schedule/PatientPicker.tsx';
import { providerName, useProviders } from '../schedule/schedule-api.ts';
import { addDays, RECALL_TYPE_LABELS, type Recall, type RecallInput, todayOn } from './followups-api.ts';
import { followupKeys } from './query-keys.ts';

const ANY = 'any';

export function NewRecallForm(props: { onSaved(r: Recall): void }) {
  const providers = useProviders();
  const [patient, setPatient] = useState<PickedPatient | null>(null);
  const [recallType, setRecallType] = useState<RecallInput['recallType']>('annual_physical');
  const [label, setLabel] = useState('');
  const [dueDate, setDueDate] = useState(addDays(todayOn(null), 365));
  const [providerId, setProviderId] = useState<string>(ANY);
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [incomplete, setIncomplete] = useState<string | null>(null);
  const saving = useSubmit(
    (patientId: string) =>
      api.POST('/api/patients/{id}/recalls', {
        params: { path: { id: patientId } },
        body: { recallType, dueDate, note, ...(label.trim() && { label: label.trim() }), ...(providerId !== ANY && { providerId }) },
      }),
    {
      invalidate: [followupKeys.recallLists()],
      onSuccess: (saved) => props.onSaved(saved),
      onProblem: (problem) => {
        setErrors(fieldErrors(problem));
        return problem.detail;
      },
    },
  );
  const failure = incomplete ?? saving.error;
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        setErrors({});
        setIncomplete(null);
        if (!patient) return setIncomplete('Pick a patient.');
        void saving.submit(patient.id);
      }}
    >
      <Stack gap="sm">
        {failure && (
          <Alert color="red" role="alert">
            {failure}
          </Alert>
        )}
        <PatientPicker value={patient} onChange={setPatient} />
        <Group grow align="flex-start">
          <Select
            label="Recall"
            data={Object.entries(RECALL_TYPE_LABELS).map(([value, l]) => ({ value, label: l }))}
            value={recallType}
            onChange={(v) => v && setRecallType(v as RecallInput['recallType'])}
            allowDeselect={false}
            error={errors.recallType}
          />
          <TextInput
            label={recallType === 'other' ? 'Name' : 'Detail (optional)'}
            required={recallType === 'other'}
            value={label}
            onChange={(e) => setLabel(e.currentTarget.value)}
            error={errors.label}
            maxLength={100}
          />
        </Group>
        <Group grow align="flex-start">
          <TextInput
            type="date"
            label="Due date"
            required
            value={dueDate}
            onChange={(e) => setDueDate(e.currentTarget.value)}
            error={errors.dueDate}
          />
          <Select
            label="Provider"
            data={[{ value: ANY, label: 'Any provider' }, ...(providers.data ?? []).map((p) => ({ value: p.id, label: providerName(p) }))]}
            value={providerId}
            onChange={(v) => setProviderId(v ?? ANY)}
            allowDeselect={false}
            error={errors.providerId}
          />
        </Group>
        <Textarea
          label="Note"
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          error={errors.note}
          rows={2}
          maxLength={1000}
        />
        <Group justify="flex-end">
          <Button type="submit" loading={saving.busy}>
            Set recall
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
