/** The demographics form's emergency contacts and guarantor (self, another patient, or another person). */
import { ActionIcon, Button, Grid, Group, SegmentedControl, Select, Text, TextInput } from '@mantine/core';
import { UsDateInput } from './CoverageFields.tsx';
import { StateSelect } from './StateSelect.tsx';
import { toUsDate } from './us-date.ts';
import type { UseFormReturnType } from '@mantine/form';
import { useDebouncedValue } from '@mantine/hooks';
import { IconTrash } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { DemographicsValues } from './demographics-patch.ts';
import { patientQuery, patientSearchQuery } from './patients-api.ts';

type Form = UseFormReturnType<DemographicsValues>;

/** "Street address" becomes "Guarantor street address"; "ZIP" stays "ZIP". */
const prefixed = (prefix: string | undefined, label: string) =>
  !prefix ? label : `${prefix} ${/^[A-Z][a-z]/.test(label) ? label[0]?.toLowerCase() + label.slice(1) : label}`;

/** Street, second line, city, state and ZIP of the patient (`address`) or of a guarantor who is another person. */
export function AddressFields({ form, path, label }: { form: Form; path: 'address' | 'guarantor.address'; label?: string }) {
  const v = form.getValues();
  const state = path === 'address' ? v.address.state : v.guarantor.address.state;
  return (
    <>
      <Grid.Col span={6}>
        <TextInput label={prefixed(label, 'Street address')} {...form.getInputProps(`${path}.line1`)} />
      </Grid.Col>
      <Grid.Col span={6}>
        <TextInput label={prefixed(label, 'Address line 2')} {...form.getInputProps(`${path}.line2`)} />
      </Grid.Col>
      <Grid.Col span={5}>
        <TextInput label={prefixed(label, 'City')} {...form.getInputProps(`${path}.city`)} />
      </Grid.Col>
      <Grid.Col span={3}>
        <StateSelect
          label={prefixed(label, 'State')}
          {...form.getInputProps(`${path}.state`)}
          value={state || null}
          onChange={(s) => form.setFieldValue(`${path}.state`, s ?? '')}
        />
      </Grid.Col>
      <Grid.Col span={4}>
        <TextInput label={prefixed(label, 'ZIP')} {...form.getInputProps(`${path}.postalCode`)} />
      </Grid.Col>
    </>
  );
}

export function EmergencyContactsFields({ form }: { form: Form }) {
  const contacts = form.getValues().emergencyContacts;
  return (
    <>
      <Grid.Col span={12}>
        <Text size="sm" fw={500}>
          Emergency contacts
        </Text>
      </Grid.Col>
      {contacts.map((_, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: contact rows have no identity of their own
        <Grid.Col span={12} key={i}>
          <Group align="flex-start" wrap="nowrap">
            <TextInput label="Name" flex={2} {...form.getInputProps(`emergencyContacts.${i}.name`)} />
            <TextInput label="Relationship" flex={1} {...form.getInputProps(`emergencyContacts.${i}.relationship`)} />
            <TextInput label="Phone" flex={1} {...form.getInputProps(`emergencyContacts.${i}.phone`)} />
            <ActionIcon
              mt={26}
              variant="subtle"
              aria-label={`Remove emergency contact ${i + 1}`}
              onClick={() => form.removeListItem('emergencyContacts', i)}
            >
              <IconTrash size={16} />
            </ActionIcon>
          </Group>
        </Grid.Col>
      ))}
      <Grid.Col span={12}>
        <Button
          size="compact-xs"
          variant="subtle"
          disabled={contacts.length >= 5}
          onClick={() => form.insertListItem('emergencyContacts', { name: '', relationship: '', phone: '' })}
        >
          Add an emergency contact
        </Button>
      </Grid.Col>
    </>
  );
}

/** Another patient of the practice as guarantor, found with the registry search. */
function GuarantorPatientPicker({ form, selfId }: { form: Form; selfId: string }) {
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 250);
  const value = form.getValues().guarantor.patientId;
  const found = useQuery({ ...patientSearchQuery(q, 10), enabled: q.trim().length >= 2 });
  const current = useQuery({ ...patientQuery(value), enabled: Boolean(value) });
  const options = (found.data?.items ?? [])
    .filter((p) => p.id !== selfId)
    .map((p) => ({ value: p.id, label: `${p.familyName}, ${p.givenName} · ${toUsDate(p.birthDate)} · MRN ${p.mrn}` }));
  const c = current.data;
  if (c && !options.some((o) => o.value === c.id))
    options.unshift({ value: c.id, label: `${c.familyName}, ${c.givenName} · ${toUsDate(c.birthDate)} · MRN ${c.mrn}` });
  return (
    <Select
      label="Guarantor (patient)"
      placeholder="Search by name, birth date or MRN"
      searchable
      data={options}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: o }) => o}
      nothingFoundMessage={q.trim().length >= 2 ? 'No patient found' : 'Type at least 2 characters'}
      {...form.getInputProps('guarantor.patientId')}
      error={form.errors['guarantor.patientId'] ?? form.errors.guarantor}
      value={value || null}
      onChange={(v) => form.setFieldValue('guarantor.patientId', v ?? '')}
    />
  );
}

export function GuarantorFields({ form, selfId }: { form: Form; selfId: string }) {
  const g = form.getValues().guarantor;
  return (
    <>
      <Grid.Col span={12}>
        <Text size="sm" fw={500}>
          Guarantor
        </Text>
        <SegmentedControl
          mt={4}
          data={[
            { value: 'self', label: 'The patient' },
            { value: 'patient', label: 'Another patient' },
            { value: 'person', label: 'Another person' },
          ]}
          value={g.kind}
          onChange={(v) => form.setFieldValue('guarantor.kind', v as DemographicsValues['guarantor']['kind'])}
        />
      </Grid.Col>
      {g.kind === 'patient' && (
        <Grid.Col span={8}>
          <GuarantorPatientPicker form={form} selfId={selfId} />
        </Grid.Col>
      )}
      {g.kind === 'person' && (
        <>
          <Grid.Col span={4}>
            <TextInput label="Given name" withAsterisk {...form.getInputProps('guarantor.givenName')} />
          </Grid.Col>
          <Grid.Col span={4}>
            <TextInput label="Family name" withAsterisk {...form.getInputProps('guarantor.familyName')} />
          </Grid.Col>
          <Grid.Col span={4}>
            <UsDateInput
              label="Date of birth"
              {...form.getInputProps('guarantor.birthDate')}
              setValue={(v) => form.setFieldValue('guarantor.birthDate', v)}
            />
          </Grid.Col>
          <Grid.Col span={4}>
            <TextInput label="Relationship" {...form.getInputProps('guarantor.relationship')} />
          </Grid.Col>
          <Grid.Col span={4}>
            <TextInput label="Phone" {...form.getInputProps('guarantor.phone')} />
          </Grid.Col>
          <AddressFields form={form} path="guarantor.address" label="Guarantor" />
        </>
      )}
    </>
  );
}
