/**
 * Fields the follow-up and recall forms share: "any provider" or one, the note, and the
 * frame of a form about a patient picked first (picker, error line, submit button).
 */
import { Alert, Button, Group, Select, Stack, Textarea } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { PatientPicker, type PickedPatient } from '../schedule/PatientPicker.tsx';
import { providerName, useProviders } from '../schedule/schedule-api.ts';

/** The provider select's value for "any provider". */
export const ANY_PROVIDER = 'any';

/** A provider id for the API, or nothing for "any provider". */
export const providerOrAny = (value: string) => (value === ANY_PROVIDER ? {} : { providerId: value });

export function ProviderSelect(props: { value: string; onChange(value: string): void; error?: string | undefined }) {
  const providers = useProviders();
  return (
    <Select
      label="Provider"
      data={[
        { value: ANY_PROVIDER, label: 'Any provider' },
        ...(providers.data ?? []).map((p) => ({ value: p.id, label: providerName(p) })),
      ]}
      value={props.value}
      onChange={(v) => props.onChange(v ?? ANY_PROVIDER)}
      allowDeselect={false}
      error={props.error}
    />
  );
}

export function NoteField(props: { value: string; onChange(value: string): void; error?: string | undefined }) {
  return (
    <Textarea
      label="Note"
      value={props.value}
      onChange={(e) => props.onChange(e.currentTarget.value)}
      error={props.error}
      rows={2}
      maxLength={1000}
    />
  );
}

export function FormError(props: { error: string | null | undefined }) {
  if (!props.error) return null;
  return (
    <Alert color="red" role="alert">
      {props.error}
    </Alert>
  );
}

export function SubmitRow(props: { label: string; busy: boolean }) {
  return (
    <Group justify="flex-end">
      <Button type="submit" loading={props.busy}>
        {props.label}
      </Button>
    </Group>
  );
}

/** A form about one patient: the picker first; submitting without a patient says so and sends nothing. */
export function PatientForm(props: {
  submitLabel: string;
  busy: boolean;
  error: string | null | undefined;
  onSubmit(patientId: string): void;
  children: ReactNode;
}) {
  const [patient, setPatient] = useState<PickedPatient | null>(null);
  const [incomplete, setIncomplete] = useState<string | null>(null);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        setIncomplete(null);
        if (!patient) return setIncomplete('Pick a patient.');
        props.onSubmit(patient.id);
      }}
    >
      <Stack gap="sm">
        <FormError error={incomplete ?? props.error} />
        <PatientPicker value={patient} onChange={setPatient} />
        {props.children}
        <SubmitRow label={props.submitLabel} busy={props.busy} />
      </Stack>
    </form>
  );
}
