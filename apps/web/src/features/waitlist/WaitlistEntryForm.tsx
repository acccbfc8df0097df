/** Add a patient to the waiting list, or change an entry's wishes, window, priority and notes. */
import { Alert, Button, Group, MultiSelect, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { api } from '../../api/client.ts';
import { fieldErrors } from '../../api/problem.ts';
import { useSubmit } from '../../api/use-submit.ts';
import { PatientPicker, type PickedPatient } from '../schedule/PatientPicker.tsx';
import { providerName, useAppointmentTypes, useLocations, useProviders } from '../schedule/schedule-api.ts';
import { waitlistKeys } from './query-keys.ts';
import { isoDay, PRIORITIES, type WaitlistEntry, type WaitlistEntryInput, type WaitlistEntryPatch } from './waitlist-api.ts';

export function WaitlistEntryForm(props: { entry?: WaitlistEntry; onSaved(entry: WaitlistEntry): void; onCancel(): void }) {
  const { entry } = props;
  const types = useAppointmentTypes();
  const providers = useProviders();
  const locations = useLocations();
  const [patient, setPatient] = useState<PickedPatient | null>(null);
  const [typeId, setTypeId] = useState<string | null>(entry?.appointmentTypeId ?? null);
  const [providerIds, setProviderIds] = useState<string[]>(entry?.providerIds ?? []);
  const [locationIds, setLocationIds] = useState<string[]>(entry?.locationIds ?? []);
  const [earliestDate, setEarliest] = useState(entry?.earliestDate ?? isoDay());
  const [latestDate, setLatest] = useState(entry?.latestDate ?? isoDay(30));
  const [priority, setPriority] = useState(String(entry?.priority ?? 3));
  const [notes, setNotes] = useState(entry?.notes ?? '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  /** Said before asking the server: nothing to send yet. */
  const [incomplete, setIncomplete] = useState<string | null>(null);

  const saving = useSubmit(
    (wishes: WaitlistEntryPatch, added: Pick<WaitlistEntryInput, 'patientId' | 'appointmentTypeId'> | null) =>
      added
        ? api.POST('/api/waitlist', { body: { ...wishes, ...added } as WaitlistEntryInput })
        : api.PATCH('/api/waitlist/{id}', { params: { path: { id: entry?.id ?? '' } }, body: wishes }),
    {
      invalidate: [waitlistKeys.entryLists(), waitlistKeys.reports()],
      onSuccess: (saved) => props.onSaved(saved),
      onProblem: (problem) => {
        setErrors(fieldErrors(problem));
        return problem.detail;
      },
    },
  );
  const failure = incomplete ?? saving.error;
  const save = () => {
    setErrors({});
    setIncomplete(null);
    saving.reset();
    const wishes = { providerIds, locationIds, earliestDate, latestDate, priority: Number(priority), notes };
    if (entry) return void saving.submit(wishes, null);
    if (!patient || !typeId) return setIncomplete('Pick a patient and an appointment type.');
    void saving.submit(wishes, { patientId: patient.id, appointmentTypeId: typeId });
  };

  return (
    <Stack gap="sm">
      {failure && (
        <Alert color="red" role="alert">
          {failure}
        </Alert>
      )}
      {entry ? (
        <TextInput label="Patient" value={`${entry.patientName} · ${entry.appointmentTypeName}`} readOnly />
      ) : (
        <>
          <PatientPicker value={patient} onChange={setPatient} />
          <Select
            label="Appointment type"
            placeholder="Pick one"
            data={(types.data ?? []).map((t) => ({ value: t.id, label: t.name }))}
            value={typeId}
            onChange={setTypeId}
            error={errors.appointmentTypeId}
            searchable
          />
        </>
      )}
      <MultiSelect
        label="Preferred providers"
        placeholder={providerIds.length ? undefined : 'Any provider'}
        data={(providers.data ?? []).map((p) => ({ value: p.id, label: providerName(p) }))}
        value={providerIds}
        onChange={setProviderIds}
        error={errors.providerIds}
        clearable
      />
      <MultiSelect
        label="Preferred locations"
        placeholder={locationIds.length ? undefined : 'Any location'}
        data={(locations.data?.items ?? []).map((l) => ({ value: l.id, label: l.name }))}
        value={locationIds}
        onChange={setLocationIds}
        error={errors.locationIds}
        clearable
      />
      <Group grow align="flex-start">
        <TextInput
          type="date"
          label="Earliest date"
          value={earliestDate}
          onChange={(e) => setEarliest(e.currentTarget.value)}
          error={errors.earliestDate}
        />
        <TextInput
          type="date"
          label="Latest date"
          value={latestDate}
          onChange={(e) => setLatest(e.currentTarget.value)}
          error={errors.latestDate}
        />
        <Select
          label="Priority"
          data={PRIORITIES}
          value={priority}
          onChange={(v) => v && setPriority(v)}
          allowDeselect={false}
          error={errors.priority}
        />
      </Group>
      <Textarea label="Notes" value={notes} onChange={(e) => setNotes(e.currentTarget.value)} error={errors.notes} rows={2} />
      <Group justify="flex-end">
        <Button variant="default" onClick={props.onCancel}>
          Cancel
        </Button>
        <Button loading={saving.busy} onClick={save}>
          {entry ? 'Save changes' : 'Add to waiting list'}
        </Button>
      </Group>
    </Stack>
  );
}
