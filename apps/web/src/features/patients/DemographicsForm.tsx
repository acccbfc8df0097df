/**
 * Edit demographics: PATCH with If-Match of the version the form was opened on, only the
 * changed fields. A 412 shows who changed what meanwhile and offers to reapply this user's
 * fields on the current version; a 400 puts the server's messages under the fields.
 */
import { ActionIcon, Alert, Button, Checkbox, Grid, Group, Select, Stack, TagsInput, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { fieldErrors, hasField, problemLine } from '../../api/problem.ts';
import { useSubmit } from '../../api/use-submit.ts';
import { AddressFields, EmergencyContactsFields, GuarantorFields } from './ContactsFields.tsx';
import { UsDateInput } from './CoverageFields.tsx';
import { changedFields, type DemographicsValues, FIELD_LABELS, toFormValues } from './demographics-patch.ts';
import { type EditConflict, EditConflictPanel } from './EditConflictPanel.tsx';
import { conflictOf, type Patient, type PatientPatch, patchPatient } from './patients-api.ts';
import { birthDateProblem, isoOf, parseUsDate, todayIso } from './us-date.ts';

/** The contact row a validator runs for (`path` is "emergencyContacts.N.field"). */
const contactAt = (all: DemographicsValues, path: string) => all.emergencyContacts[Number(path.split('.')[1])];

export function DemographicsForm(props: {
  patient: Patient;
  etag: string;
  onSaved: (p: Patient) => void;
  onCancel: () => void;
  /** The user gave up their edits after a conflict: show the record as it is now. */
  onDiscard: (current: Patient) => void;
}) {
  const [base, setBase] = useState<{ values: DemographicsValues; etag: string }>(() => ({
    values: toFormValues(props.patient),
    etag: props.etag,
  }));
  const [conflict, setConflict] = useState<EditConflict | null>(null);
  const form = useForm<DemographicsValues>({
    mode: 'controlled',
    initialValues: base.values,
    validateInputOnBlur: true,
    validate: {
      givenName: (v) => (v.trim() ? null : 'Enter the given name.'),
      familyName: (v) => (v.trim() ? null : 'Enter the family name.'),
      birthDate: (v) => birthDateProblem(v),
      email: (v) => (v && !/^\S+@\S+\.\S+$/.test(v) ? 'Enter an email address, such as name@example.com.' : null),
      address: { postalCode: (v) => (v && !/^\d{5}(-\d{4})?$/.test(v) ? 'Enter a ZIP code as 12345 or 12345-6789.' : null) },
      deceasedDate: (v, all) =>
        all.status === 'deceased' && v.trim()
          ? (parseUsDate(v).error ?? (isoOf(v) > todayIso() ? 'The date of death is in the future.' : null))
          : null,
      emergencyContacts: {
        name: (v, all, path) => (!v.trim() && contactAt(all, path)?.phone.trim() ? "Enter the contact's name." : null),
        phone: (v, all, path) => (!v.trim() && contactAt(all, path)?.name.trim() ? "Enter the contact's phone number." : null),
      },
      guarantor: {
        patientId: (v, all) => (all.guarantor.kind === 'patient' && !v ? 'Choose the patient.' : null),
        givenName: (v, all) => (all.guarantor.kind === 'person' && !v.trim() ? "Enter the guarantor's given name." : null),
        familyName: (v, all) => (all.guarantor.kind === 'person' && !v.trim() ? "Enter the guarantor's family name." : null),
        birthDate: (v, all) => (all.guarantor.kind === 'person' ? birthDateProblem(v, { required: false }) : null),
      },
    },
  });

  const saving = useSubmit((etag: string, patch: PatientPatch) => patchPatient(props.patient.id, etag, patch), {
    onSuccess: (saved) => props.onSaved(saved),
    onProblem: (problem, _etag, patch) => {
      const current = conflictOf(problem);
      if (current) {
        setConflict({ ...current, mine: patch });
        return null;
      }
      const fields = fieldErrors(problem);
      form.setErrors(fields);
      // The form's values use the server's names: a field it shows carries its message; the line names the rest.
      return problemLine(problem, FIELD_LABELS, (path) => hasField(form.getValues(), path));
    },
  });
  const { busy, error } = saving;
  const send = async (etag: string, patch: PatientPatch) => {
    if (Object.keys(patch).length === 0) return props.onCancel();
    await saving.submit(etag, patch);
  };

  /** Rebase on the current version: their fields as they are now, this user's edited fields on top. */
  const reapply = async () => {
    if (!conflict) return;
    const current = toFormValues(conflict.current);
    const mine = form.getValues();
    const merged = { ...current };
    for (const field of Object.keys(conflict.mine) as (keyof DemographicsValues)[]) {
      (merged as Record<string, unknown>)[field] = mine[field];
    }
    setBase({ values: current, etag: conflict.etag });
    form.setValues(merged);
    form.resetDirty(merged);
    setConflict(null);
    const patch = changedFields(current, merged);
    // They made the very same change: nothing left to send.
    if (Object.keys(patch).length === 0) return props.onSaved(conflict.current);
    await send(conflict.etag, patch);
  };

  const values = form.getValues();
  return (
    <form onSubmit={form.onSubmit((v) => send(base.etag, changedFields(base.values, v)))} noValidate data-testid="demographics-form">
      <Stack mt="md">
        {conflict && (
          <EditConflictPanel
            conflict={conflict}
            busy={busy}
            onReapply={() => void reapply()}
            onDiscard={() => props.onDiscard(conflict.current)}
          />
        )}
        {error && <Alert color="red">{error}</Alert>}
        <Grid>
          <Grid.Col span={4}>
            <TextInput label="Given name" withAsterisk {...form.getInputProps('givenName')} />
          </Grid.Col>
          <Grid.Col span={3}>
            <TextInput label="Middle name" {...form.getInputProps('middleName')} />
          </Grid.Col>
          <Grid.Col span={4}>
            <TextInput label="Family name" withAsterisk {...form.getInputProps('familyName')} />
          </Grid.Col>
          <Grid.Col span={1}>
            <TextInput label="Suffix" {...form.getInputProps('suffix')} />
          </Grid.Col>
          <Grid.Col span={4}>
            <TextInput label="Preferred name" {...form.getInputProps('preferredName')} />
          </Grid.Col>
          <Grid.Col span={4}>
            <UsDateInput
              label="Date of birth"
              withAsterisk
              {...form.getInputProps('birthDate')}
              setValue={(v) => form.setFieldValue('birthDate', v)}
            />
          </Grid.Col>
          <Grid.Col span={4}>
            <Select label="Sex at birth" data={['female', 'male', 'unknown']} allowDeselect={false} {...form.getInputProps('sex')} />
          </Grid.Col>
          <Grid.Col span={4}>
            <TextInput label="Gender identity" {...form.getInputProps('genderIdentity')} />
          </Grid.Col>
          <Grid.Col span={4}>
            <TextInput label="Pronouns" {...form.getInputProps('pronouns')} />
          </Grid.Col>
          <Grid.Col span={4}>
            <TextInput label="Preferred language" {...form.getInputProps('preferredLanguage')} />
            <Checkbox mt="xs" label="Needs an interpreter" {...form.getInputProps('interpreterNeeded', { type: 'checkbox' })} />
          </Grid.Col>
          {values.phones.map((_, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: phone rows have no identity of their own
            <Grid.Col span={6} key={i}>
              <Group align="flex-start" wrap="nowrap">
                <Select
                  label="Phone type"
                  data={['mobile', 'home', 'work', 'other']}
                  allowDeselect={false}
                  w={110}
                  {...form.getInputProps(`phones.${i}.type`)}
                />
                <TextInput label="Phone" flex={1} {...form.getInputProps(`phones.${i}.number`)} />
                <ActionIcon mt={26} variant="subtle" aria-label={`Remove phone ${i + 1}`} onClick={() => form.removeListItem('phones', i)}>
                  <IconTrash size={16} />
                </ActionIcon>
              </Group>
            </Grid.Col>
          ))}
          <Grid.Col span={12}>
            <Button
              size="compact-xs"
              variant="subtle"
              disabled={values.phones.length >= 6}
              onClick={() => form.insertListItem('phones', { type: 'mobile', number: '' })}
            >
              Add a phone
            </Button>
          </Grid.Col>
          <Grid.Col span={6}>
            <TextInput label="Email" {...form.getInputProps('email')} />
          </Grid.Col>
          <Grid.Col span={6}>
            <Select
              label="Preferred contact"
              clearable
              data={['phone', 'sms', 'email', 'mail', 'portal']}
              {...form.getInputProps('preferredContactMethod')}
              value={values.preferredContactMethod || null}
              onChange={(v) => form.setFieldValue('preferredContactMethod', v ?? '')}
            />
          </Grid.Col>
          <AddressFields form={form} path="address" />
          <EmergencyContactsFields form={form} />
          <GuarantorFields form={form} selfId={props.patient.id} />
          <Grid.Col span={12}>
            <TagsInput label="Front-desk alerts" {...form.getInputProps('alerts')} />
          </Grid.Col>
          <Grid.Col span={4}>
            <Select label="Status" data={['active', 'inactive', 'deceased']} allowDeselect={false} {...form.getInputProps('status')} />
          </Grid.Col>
          {values.status === 'deceased' && (
            <Grid.Col span={4}>
              <UsDateInput
                label="Date of death"
                {...form.getInputProps('deceasedDate')}
                setValue={(v) => form.setFieldValue('deceasedDate', v)}
              />
            </Grid.Col>
          )}
        </Grid>
        <Group>
          <Checkbox label="SMS reminders OK" {...form.getInputProps('consentSmsReminders', { type: 'checkbox' })} />
          <Checkbox label="Email reminders OK" {...form.getInputProps('consentEmailReminders', { type: 'checkbox' })} />
        </Group>
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onCancel} disabled={busy}>
            Cancel
          </Button>
          <Button type="submit" loading={busy} disabled={conflict !== null}>
            Save
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
