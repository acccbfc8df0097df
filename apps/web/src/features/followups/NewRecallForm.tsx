/** Set a recall for a patient (POST /api/patients/{id}/recalls). */
import { Group, Select, TextInput } from '@mantine/core';
import { useState } from 'react';
import { api } from '../../api/client.ts';
import { fieldErrors } from '../../api/problem.ts';
import { useSubmit } from '../../api/use-submit.ts';
import { ANY_PROVIDER, NoteField, PatientForm, ProviderSelect, providerOrAny } from './fields.tsx';
import { addDays, RECALL_TYPE_LABELS, type Recall, type RecallInput, todayOn } from './followups-api.ts';
import { followupKeys } from './query-keys.ts';

export function NewRecallForm(props: { onSaved(r: Recall): void }) {
  const [recallType, setRecallType] = useState<RecallInput['recallType']>('annual_physical');
  const [label, setLabel] = useState('');
  const [dueDate, setDueDate] = useState(addDays(todayOn(null), 365));
  const [providerId, setProviderId] = useState<string>(ANY_PROVIDER);
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const saving = useSubmit(
    (patientId: string) =>
      api.POST('/api/patients/{id}/recalls', {
        params: { path: { id: patientId } },
        body: { recallType, dueDate, note, ...(label.trim() && { label: label.trim() }), ...providerOrAny(providerId) },
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
  return (
    <PatientForm
      submitLabel="Set recall"
      busy={saving.busy}
      error={saving.error}
      onSubmit={(patientId) => {
        setErrors({});
        void saving.submit(patientId);
      }}
    >
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
        <ProviderSelect value={providerId} onChange={setProviderId} error={errors.providerId} />
      </Group>
      <NoteField value={note} onChange={setNote} error={errors.note} />
    </PatientForm>
  );
}
