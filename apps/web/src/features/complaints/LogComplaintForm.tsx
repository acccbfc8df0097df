/** Log a concern about services or care (POST /api/complaints): anyone at the desk may; managers follow it up. */
import { Group, Select, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { api } from '../../api/client.ts';
import { ProblemForm } from '../../app/ProblemForm.tsx';
import { useSubmit } from '../../api/use-submit.ts';
import { PatientPicker, type PickedPatient } from '../schedule/PatientPicker.tsx';
import { CATEGORY_LABELS, type Complaint, options, SEVERITY_LABELS } from './complaints-api.ts';
import { complaintKeys } from './query-keys.ts';

export function LogComplaintForm(props: { onSaved(): void }) {
  const [patient, setPatient] = useState<PickedPatient | null>(null);
  const [complainant, setComplainant] = useState('');
  const [description, setDescription] = useState('');
  const [category, setCategory] = useState<Complaint['category']>('wait_time');
  const [severity, setSeverity] = useState<Complaint['severity']>('medium');
  const saving = useSubmit(
    () =>
      api.POST('/api/complaints', {
        body: { description, category, severity, complainant, ...(patient && { patientId: patient.id }) },
      }),
    {
      invalidate: [complaintKeys.all],
      onSuccess: () => props.onSaved(),
    },
  );
  return (
    <ProblemForm saving={saving} submitLabel="Log concern">
      <PatientPicker value={patient} onChange={setPatient} />
      <TextInput
        label="Raised by (if not the patient)"
        value={complainant}
        onChange={(e) => setComplainant(e.currentTarget.value)}
        error={saving.errors.complainant}
        maxLength={200}
      />
      <Textarea
        label="What happened"
        value={description}
        onChange={(e) => setDescription(e.currentTarget.value)}
        error={saving.errors.description}
        rows={3}
        maxLength={4000}
        required
      />
      <Group grow align="flex-start">
        <Select
          label="Category"
          data={options(CATEGORY_LABELS)}
          value={category}
          onChange={(v) => v && setCategory(v as Complaint['category'])}
          allowDeselect={false}
        />
        <Select
          label="Severity"
          data={options(SEVERITY_LABELS)}
          value={severity}
          onChange={(v) => v && setSeverity(v as Complaint['severity'])}
          allowDeselect={false}
        />
      </Group>
    </ProblemForm>
  );
}
