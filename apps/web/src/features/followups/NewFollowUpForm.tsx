/** Note a follow-up by hand (POST /api/follow-ups): patient, due date, type, provider, location, note. */
import { Group, Select, TextInput } from '@mantine/core';
import { useState } from 'react';
import { api } from '../../api/client.ts';
import { fieldErrors } from '../../api/problem.ts';
import { useSubmit } from '../../api/use-submit.ts';
import { useAppointmentTypes, useLocations } from '../schedule/schedule-api.ts';
import { ANY_PROVIDER, NoteField, PatientForm, ProviderSelect, providerOrAny } from './fields.tsx';
import { addDays, type FollowUp, todayOn } from './followups-api.ts';
import { followupKeys } from './query-keys.ts';

export function NewFollowUpForm(props: { defaultLocationId: string | null; onSaved(f: FollowUp): void }) {
  const types = useAppointmentTypes();
  const locations = useLocations();
  const [dueDate, setDueDate] = useState(addDays(todayOn(null), 14));
  const [typeId, setTypeId] = useState<string | null>(null);
  const [providerId, setProviderId] = useState<string>(ANY_PROVIDER);
  const [locationId, setLocationId] = useState<string | null>(props.defaultLocationId);
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const saving = useSubmit(
    (patientId: string) =>
      api.POST('/api/follow-ups', {
        body: {
          patientId,
          dueDate,
          note,
          ...(typeId && { appointmentTypeId: typeId }),
          ...providerOrAny(providerId),
          ...(locationId && { locationId }),
        },
      }),
    {
      invalidate: [followupKeys.followUpLists()],
      onSuccess: (saved) => props.onSaved(saved),
      onProblem: (problem) => {
        setErrors(fieldErrors(problem));
        return problem.detail;
      },
    },
  );
  return (
    <PatientForm
      submitLabel="Add follow-up"
      busy={saving.busy}
      error={saving.error}
      onSubmit={(patientId) => {
        setErrors({});
        void saving.submit(patientId);
      }}
    >
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
          label="Appointment type"
          placeholder="Any type"
          data={(types.data ?? []).map((t) => ({ value: t.id, label: t.name }))}
          value={typeId}
          onChange={setTypeId}
          error={errors.appointmentTypeId}
          clearable
        />
      </Group>
      <Group grow align="flex-start">
        <ProviderSelect value={providerId} onChange={setProviderId} error={errors.providerId} />
        <Select
          label="Location"
          data={(locations.data?.items ?? []).map((l) => ({ value: l.id, label: l.name }))}
          value={locationId}
          onChange={setLocationId}
          error={errors.locationId}
        />
      </Group>
      <NoteField value={note} onChange={setNote} error={errors.note} />
    </PatientForm>
  );
}
