/** Note a follow-up by hand (POST /api/follow-ups): patient, due date, type, provider, location, note. */
import { Alert, Button, Group, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { api } from '../../api/client.ts';
import { fieldErrors } from '../../api/problem.ts';
import { useSubmit } from '../../api/use-submit.ts';
import { PatientPicker, type PickedPatient } from '../schedule/PatientPicker.tsx';
import { providerName, useAppointmentTypes, useLocations, useProviders } from '../schedule/schedule-api.ts';
import { addDays, type FollowUp, todayOn } from './followups-api.ts';
import { followupKeys } from './query-keys.ts';

const ANY = 'any';

export function NewFollowUpForm(props: { defaultLocationId: string | null; onSaved(f: FollowUp): void }) {
  const types = useAppointmentTypes();
  const providers = useProviders();
  const locations = useLocations();
  const [patient, setPatient] = useState<PickedPatient | null>(null);
  const [dueDate, setDueDate] = useState(addDays(todayOn(null), 14));
  const [typeId, setTypeId] = useState<string | null>(null);
  const [providerId, setProviderId] = useState<string>(ANY);
  const [locationId, setLocationId] = useState<string | null>(props.defaultLocationId);
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [incomplete, setIncomplete] = useState<string | null>(null);
  const saving = useSubmit(
    (patientId: string) =>
      api.POST('/api/follow-ups', {
        body: {
          patientId,
          dueDate,
          note,
          ...(typeId && { appointmentTypeId: typeId }),
          ...(providerId !== ANY && { providerId }),
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
          <Select
            label="Provider"
            data={[{ value: ANY, label: 'Any provider' }, ...(providers.data ?? []).map((p) => ({ value: p.id, label: providerName(p) }))]}
            value={providerId}
            onChange={(v) => setProviderId(v ?? ANY)}
            allowDeselect={false}
            error={errors.providerId}
          />
          <Select
            label="Location"
            data={(locations.data?.items ?? []).map((l) => ({ value: l.id, label: l.name }))}
            value={locationId}
            onChange={setLocationId}
            error={errors.locationId}
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
            Add follow-up
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
