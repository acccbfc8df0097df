/**
 * Registration with inline validation; a possible duplicate shows the candidates and asks
 * before creating. Insurance is offered in the same flow: the coverage is created right
 * after the patient (the coverage API); if only the coverage is refused, the patient stays
 * registered and the form offers to fix and add the insurance, or to open the chart without it.
 */
import { Alert, Button, Checkbox, Divider, Grid, Group, Select, Stack, Table, TagsInput, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { fieldErrors, hasField, type Problem, problemLine } from '../../api/problem.ts';
import { useSubmit } from '../../api/use-submit.ts';
import { CoverageFields, SubscriberFields, UsDateInput } from './CoverageFields.tsx';
import { COVERAGE_LABELS, coverageBody, coverageValidation, type CoverageValues, emptyCoverage, payerOptions } from './coverage-form.ts';
import type { PatientInput } from './patients-api.ts';
import { patientKeys } from './query-keys.ts';
import { StateSelect } from './StateSelect.tsx';
import { birthDateProblem, isoOf, toUsDate } from './us-date.ts';

interface Candidate {
  id: string;
  mrn: string;
  givenName: string;
  familyName: string;
  birthDate: string;
}

/** The server's field paths, by the label a person sees. */
export const REGISTRATION_LABELS: Record<string, string> = {
  givenName: 'Given name',
  middleName: 'Middle name',
  familyName: 'Family name',
  preferredName: 'Preferred name',
  birthDate: 'Date of birth',
  sex: 'Sex at birth',
  pronouns: 'Pronouns',
  phones: 'Mobile phone',
  'phones.number': 'Mobile phone',
  'phones.type': 'Mobile phone',
  email: 'Email',
  address: 'Address',
  'address.line1': 'Street address',
  'address.city': 'City',
  'address.state': 'State',
  'address.postalCode': 'ZIP',
  alerts: 'Front-desk alerts',
  consentSmsReminders: 'SMS reminders OK',
  consentEmailReminders: 'Email reminders OK',
};

/** A server path as the key of this form's field ('address.state' → 'state', 'phones.0.number' → 'phone'). */
const formKey = (path: string) => path.replace(/^address\./, '').replace(/^phones\.\d+\.number$/, 'phone');

const initialValues = {
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
  addInsurance: false,
  insurance: emptyCoverage(),
};
type Values = typeof initialValues;

/** The insurance section's rules, only while it is open. */
const whenInsured =
  <V,>(rule: (v: V, c: CoverageValues) => string | null) =>
  (v: V, all: Values) =>
    all.addInsurance ? rule(v, all.insurance) : null;

export function RegisterPatientForm(props: { onCreated: (id: string) => void; onCancel: () => void; onOpen: (id: string) => void }) {
  const [candidates, setCandidates] = useState<Candidate[] | null>(null);
  /** Registered, but its insurance was refused: what to fix is under the insurance fields. */
  const [registered, setRegistered] = useState<{ id: string; mrn: string } | null>(null);
  const payers = useQuery({ queryKey: patientKeys.payers(), queryFn: () => unwrap(api.GET('/api/payers', { params: { query: {} } })) });
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues,
    validateInputOnBlur: true,
    validate: {
      givenName: (v) => (v.trim() ? null : 'Enter the given name.'),
      familyName: (v) => (v.trim() ? null : 'Enter the family name.'),
      birthDate: (v) => birthDateProblem(v),
      postalCode: (v) => (v && !/^\d{5}(-\d{4})?$/.test(v.trim()) ? 'Enter a ZIP code as 12345 or 12345-6789.' : null),
      phone: (v) => (v && v.replace(/\D/g, '').length < 10 ? 'Enter the phone number with its area code.' : null),
      email: (v) => (v && !/^\S+@\S+\.\S+$/.test(v) ? 'Enter an email address, such as name@example.com.' : null),
      insurance: {
        payerId: whenInsured(coverageValidation.payerId),
        memberId: whenInsured(coverageValidation.memberId),
        effectiveDate: whenInsured(coverageValidation.effectiveDate),
        subscriber: {
          givenName: whenInsured(coverageValidation.subscriber.givenName),
          familyName: whenInsured(coverageValidation.subscriber.familyName),
          birthDate: whenInsured(coverageValidation.subscriber.birthDate),
        },
      },
    },
  });
  const values = form.getValues();

  /** Puts the server's field messages under the fields; answers the line above the form. */
  const showProblem = (problem: Problem, labels: Record<string, string>, key: (path: string) => string) => {
    const fields = fieldErrors(problem);
    const mapped: Record<string, string> = {};
    for (const [path, message] of Object.entries(fields)) mapped[key(path)] = message;
    form.setErrors(mapped);
    return problemLine(problem, labels, (path) => hasField(form.getValues(), key(path)));
  };

  const insuring = useSubmit(
    (patientId: string) =>
      api.POST('/api/patients/{id}/coverages', { params: { path: { id: patientId } }, body: coverageBody(form.getValues().insurance) }),
    {
      invalidate: (_c, patientId) => [patientKeys.coverages(patientId)],
      onProblem: (problem) => showProblem(problem, COVERAGE_LABELS, (path) => `insurance.${path}`),
    },
  );

  const registering = useSubmit((body: PatientInput) => api.POST('/api/patients', { body }), {
    invalidate: [patientKeys.searches()],
    onSuccess: async (created) => {
      if (!form.getValues().addInsurance) return props.onCreated(created.id);
      const insured = await insuring.submit(created.id);
      if (insured.ok) props.onCreated(created.id);
      else setRegistered({ id: created.id, mrn: created.mrn });
    },
    onProblem: (problem) => {
      if (problem.code === 'POSSIBLE_DUPLICATE' || problem.code === 'ALREADY_EXISTS') {
        setCandidates((problem as { candidates?: Candidate[] }).candidates ?? []);
        return null;
      }
      return showProblem(problem, REGISTRATION_LABELS, formKey);
    },
  });

  const submit = (confirm: boolean) => {
    const v = form.getValues();
    if (registered) {
      void insuring.submit(registered.id).then((r) => r.ok && props.onCreated(registered.id));
      return;
    }
    const hasAddress = v.line1 || v.city || v.state || v.postalCode;
    const body: PatientInput = {
      givenName: v.givenName,
      middleName: v.middleName || null,
      familyName: v.familyName,
      preferredName: v.preferredName || null,
      birthDate: isoOf(v.birthDate),
      sex: v.sex as 'female' | 'male' | 'unknown',
      pronouns: v.pronouns || null,
      phones: v.phone ? [{ type: 'mobile', number: v.phone }] : [],
      email: v.email || null,
      address: hasAddress ? { line1: v.line1, city: v.city, state: v.state as never, postalCode: v.postalCode.trim() } : null,
      consentSmsReminders: v.consentSmsReminders,
      consentEmailReminders: v.consentEmailReminders,
      alerts: v.alerts,
      confirmNotDuplicate: confirm,
    } as PatientInput;
    void registering.submit(body);
  };

  const error = registering.error ?? insuring.error;
  const busy = registering.busy || insuring.busy;
  const locked = registered !== null;
  return (
    <form onSubmit={form.onSubmit(() => submit(false))} noValidate>
      <Stack>
        <Title order={1} size="h2">
          Register a patient
        </Title>
        {registered && (
          <Alert color="orange" title="The patient is registered; the insurance was not added" data-testid="insurance-refused">
            <Text size="sm">MRN {registered.mrn}. Correct the insurance below and add it, or open the chart and add it later.</Text>
            <Button mt="xs" size="xs" variant="default" onClick={() => props.onCreated(registered.id)}>
              Open the chart without insurance
            </Button>
          </Alert>
        )}
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        <fieldset disabled={locked} style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
          <Grid>
            <Grid.Col span={{ base: 12, sm: 4 }}>
              <TextInput label="Given name" withAsterisk {...form.getInputProps('givenName')} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 4 }}>
              <TextInput label="Middle name" {...form.getInputProps('middleName')} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 4 }}>
              <TextInput label="Family name" withAsterisk {...form.getInputProps('familyName')} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 4 }}>
              <TextInput label="Preferred name" {...form.getInputProps('preferredName')} />
            </Grid.Col>
            <Grid.Col span={{ base: 6, sm: 4 }}>
              <UsDateInput
                label="Date of birth"
                withAsterisk
                {...form.getInputProps('birthDate')}
                setValue={(v) => form.setFieldValue('birthDate', v)}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 6, sm: 2 }}>
              <Select label="Sex at birth" data={['female', 'male', 'unknown']} allowDeselect={false} {...form.getInputProps('sex')} />
            </Grid.Col>
            <Grid.Col span={{ base: 6, sm: 2 }}>
              <TextInput label="Pronouns" {...form.getInputProps('pronouns')} />
            </Grid.Col>
            <Grid.Col span={{ base: 6, sm: 4 }}>
              <TextInput label="Mobile phone" placeholder="(303) 555-0142" {...form.getInputProps('phone')} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 8 }}>
              <TextInput label="Email" {...form.getInputProps('email')} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 5 }}>
              <TextInput label="Street address" {...form.getInputProps('line1')} />
            </Grid.Col>
            <Grid.Col span={{ base: 6, sm: 3 }}>
              <TextInput label="City" {...form.getInputProps('city')} />
            </Grid.Col>
            <Grid.Col span={{ base: 6, sm: 2 }}>
              <StateSelect
                label="State"
                {...form.getInputProps('state')}
                value={values.state || null}
                onChange={(s) => form.setFieldValue('state', s ?? '')}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 6, sm: 2 }}>
              <TextInput label="ZIP" {...form.getInputProps('postalCode')} />
            </Grid.Col>
            <Grid.Col span={12}>
              <TagsInput label="Front-desk alerts" placeholder="e.g. needs wheelchair" {...form.getInputProps('alerts')} />
            </Grid.Col>
          </Grid>
          <Group mt="md">
            <Checkbox label="SMS reminders OK" {...form.getInputProps('consentSmsReminders', { type: 'checkbox' })} />
            <Checkbox label="Email reminders OK" {...form.getInputProps('consentEmailReminders', { type: 'checkbox' })} />
          </Group>
        </fieldset>
        <Divider />
        <Checkbox
          label="Add insurance"
          description="The patient's plan: payer, member id and who the subscriber is"
          disabled={locked}
          {...form.getInputProps('addInsurance', { type: 'checkbox' })}
        />
        {values.addInsurance && (
          <Grid data-testid="registration-insurance">
            <Grid.Col span={{ base: 12, sm: 4 }}>
              <Select
                label="Payer"
                searchable
                nothingFoundMessage="No such payer: ask whoever keeps the payer list (Admin → Payers)"
                data={payerOptions(payers.data?.items ?? [])}
                {...form.getInputProps('insurance.payerId')}
              />
            </Grid.Col>
            <CoverageFields
              field={(name) => form.getInputProps(`insurance.${name}`)}
              setValue={(name, v) => form.setFieldValue(`insurance.${name}`, v as never)}
            />
            <SubscriberFields
              kind={values.insurance.subscriber.kind}
              onKind={(kind) => {
                form.setFieldValue('insurance.subscriber.kind', kind);
                form.setFieldValue('insurance.relationship', kind === 'self' ? '18' : '01');
              }}
              field={(name) => form.getInputProps(`insurance.${name}`)}
              setValue={(name, v) => form.setFieldValue(`insurance.${name}`, v as never)}
            />
          </Grid>
        )}
        {candidates && !locked && (
          <Alert color="orange" title="This may be a patient we already have" data-testid="duplicate-candidates">
            <Table fz="sm" mb="sm">
              <Table.Tbody>
                {candidates.map((c) => (
                  <Table.Tr key={c.id}>
                    <Table.Td>
                      {c.familyName}, {c.givenName}
                    </Table.Td>
                    <Table.Td>{toUsDate(c.birthDate)}</Table.Td>
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
          <Button variant="default" onClick={props.onCancel} disabled={locked}>
            Cancel
          </Button>
          <Button type="submit" loading={busy}>
            {locked ? 'Add insurance' : 'Register'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
