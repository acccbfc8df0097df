/** Registration with inline validation; a possible duplicate shows the candidates and asks before creating. */
import { Alert, Button, Checkbox, Grid, Group, Select, Stack, Table, TagsInput, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { api } from '../../api/client.ts';
import { fieldErrors } from '../../api/problem.ts';
import { useSubmit } from '../../api/use-submit.ts';
import { type PatientInput, STATES } from './patients-api.ts';
import { patientKeys } from './query-keys.ts';

interface Candidate {
  id: string;
  mrn: string;
  givenName: string;
  familyName: string;
  birthDate: string;
}

const today = () => new Date().toISOString().slice(0, 10);

export function RegisterPatientForm(props: { onCreated: (id: string) => void; onCancel: () => void; onOpen: (id: string) => void }) {
  const [candidates, setCandidates] = useState<Candidate[] | null>(null);
  const form = useForm({
    mode: 'controlled',
    initialValues: {
      givenName: '',
      middleName: '',
      familyName: '',
      preferredName: '',
      birthDate: '',
      sex: 'unknown',
      pronouns: '',
      phone: '',
      email: '',
      line1: '',
      city: '',
      state: '',
      postalCode: '',
      consentSmsReminders: false,
      consentEmailReminders: false,
      alerts: [] as string[],
    },
    validateInputOnBlur: true,
    validate: {
      givenName: (v) => (v.trim() ? null : 'Required'),
      familyName: (v) => (v.trim() ? null : 'Required'),
      birthDate: (v) =>
        !/^\d{4}-\d{2}-\d{2}$/.test(v)
          ? 'Use YYYY-MM-DD'
          : v > today()
            ? 'Birth date is in the future'
            : v < '1880-01-01'
              ? 'Too long ago'
              : null,
      postalCode: (v) => (v && !/^\d{5}(-\d{4})?$/.test(v) ? 'ZIP must be 12345 or 12345-6789' : null),
      phone: (v) => (v && v.replace(/\D/g, '').length < 10 ? 'Phone needs an area code' : null),
      email: (v) => (v && !/^\S+@\S+\.\S+$/.test(v) ? 'Not an email address' : null),
    },
  });

  const registering = useSubmit((body: PatientInput) => api.POST('/api/patients', { body }), {
    invalidate: [patientKeys.searches()],
    onSuccess: (created) => props.onCreated(created.id),
    onProblem: (problem) => {
      if (problem.code === 'POSSIBLE_DUPLICATE' || problem.code === 'ALREADY_EXISTS') {
        setCandidates((problem as { candidates?: Candidate[] }).candidates ?? []);
        return null;
      }
      const fields = fieldErrors(problem);
      const mapped: Record<string, string> = {};
      for (const [path, msg] of Object.entries(fields))
        mapped[path.replace(/^address\./, '').replace(/^phones\.0\.number$/, 'phone')] = msg;
      form.setErrors(mapped);
      return problem.detail;
    },
  });
  const { error } = registering;

  const submit = (confirm: boolean) => {
    const v = form.getValues();
    const hasAddress = v.line1 || v.city || v.state || v.postalCode;
    const body: PatientInput = {
      givenName: v.givenName,
      middleName: v.middleName || null,
      familyName: v.familyName,
      preferredName: v.preferredName || null,
      birthDate: v.birthDate,
      sex: v.sex as 'female' | 'male' | 'unknown',
      pronouns: v.pronouns || null,
      phones: v.phone ? [{ type: 'mobile', number: v.phone }] : [],
      email: v.email || null,
      address: hasAddress ? { line1: v.line1, city: v.city, state: v.state as never, postalCode: v.postalCode } : null,
      consentSmsReminders: v.consentSmsReminders,
      consentEmailReminders: v.consentEmailReminders,
      alerts: v.alerts,
      confirmNotDuplicate: confirm,
    } as PatientInput;
    void registering.submit(body);
  };

  return (
    <form onSubmit={form.onSubmit(() => submit(false))} noValidate>
      <Stack>
        <Title order={2}>Register a patient</Title>
        {error && <Alert color="red">{error}</Alert>}
        <Grid>
          <Grid.Col span={4}>
            <TextInput label="Given name" withAsterisk {...form.getInputProps('givenName')} />
          </Grid.Col>
          <Grid.Col span={4}>
            <TextInput label="Middle name" {...form.getInputProps('middleName')} />
          </Grid.Col>
          <Grid.Col span={4}>
            <TextInput label="Family name" withAsterisk {...form.getInputProps('familyName')} />
          </Grid.Col>
          <Grid.Col span={4}>
            <TextInput label="Preferred name" {...form.getInputProps('preferredName')} />
          </Grid.Col>
          <Grid.Col span={4}>
            <TextInput label="Date of birth" placeholder="YYYY-MM-DD" withAsterisk {...form.getInputProps('birthDate')} />
          </Grid.Col>
          <Grid.Col span={2}>
            <Select label="Sex at birth" data={['female', 'male', 'unknown']} allowDeselect={false} {...form.getInputProps('sex')} />
          </Grid.Col>
          <Grid.Col span={2}>
            <TextInput label="Pronouns" {...form.getInputProps('pronouns')} />
          </Grid.Col>
          <Grid.Col span={4}>
            <TextInput label="Mobile phone" {...form.getInputProps('phone')} />
          </Grid.Col>
          <Grid.Col span={8}>
            <TextInput label="Email" {...form.getInputProps('email')} />
          </Grid.Col>
          <Grid.Col span={5}>
            <TextInput label="Street address" {...form.getInputProps('line1')} />
          </Grid.Col>
          <Grid.Col span={3}>
            <TextInput label="City" {...form.getInputProps('city')} />
          </Grid.Col>
          <Grid.Col span={2}>
            <Select label="State" data={STATES} searchable {...form.getInputProps('state')} />
          </Grid.Col>
          <Grid.Col span={2}>
            <TextInput label="ZIP" {...form.getInputProps('postalCode')} />
          </Grid.Col>
          <Grid.Col span={12}>
            <TagsInput label="Front-desk alerts" placeholder="e.g. needs wheelchair" {...form.getInputProps('alerts')} />
          </Grid.Col>
        </Grid>
        <Group>
          <Checkbox label="SMS reminders OK" {...form.getInputProps('consentSmsReminders', { type: 'checkbox' })} />
          <Checkbox label="Email reminders OK" {...form.getInputProps('consentEmailReminders', { type: 'checkbox' })} />
        </Group>
        {candidates && (
          <Alert color="orange" title="This may be a patient we already have" data-testid="duplicate-candidates">
            <Table fz="sm" mb="sm">
              <Table.Tbody>
                {candidates.map((c) => (
                  <Table.Tr key={c.id}>
                    <Table.Td>
                      {c.familyName}, {c.givenName}
                    </Table.Td>
                    <Table.Td>{c.birthDate}</Table.Td>
                    <Table.Td>MRN {c.mrn}</Table.Td>
                    <Table.Td>
                      <Button size="compact-xs" variant="light" onClick={() => props.onOpen(c.id)}>
                        Open
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            <Button size="xs" color="orange" onClick={() => submit(true)}>
              Not the same person: register anyway
            </Button>
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onCancel}>
            Cancel
          </Button>
          <Button type="submit">Register</Button>
        </Group>
      </Stack>
    </form>
  );
}
