import { Grid, NumberInput, SegmentedControl, Select, Text, TextInput } from '@mantine/core';
import type { useForm } from '@mantine/form';
import { normalizeUsDate } from './us-date.ts';

type InputProps = ReturnType<ReturnType<typeof useForm>['getInputProps']>;

export type CoverageFieldName = 'priority' | 'memberId' | 'groupNumber' | 'planName' | 'effectiveDate' | 'officeCopay';

/** A date field that takes MM/DD/YYYY or YYYY-MM-DD and shows it back as MM/DD/YYYY when it leaves the field. */
export function UsDateInput(props: InputProps & { label: string; withAsterisk?: boolean; setValue: (v: string) => void }) {
  const { setValue, ...input } = props;
  return (
    <TextInput
      placeholder="MM/DD/YYYY"
      {...input}
      onBlur={(e) => {
        const shown = normalizeUsDate(e.currentTarget.value);
        if (shown !== e.currentTarget.value) setValue(shown);
        input.onBlur?.(e);
      }}
    />
  );
}

/** The coverage fields shared by the add form, the edit form and registration (grid columns). */
export function CoverageFields({
  field,
  setValue,
}: {
  field: (name: CoverageFieldName) => InputProps;
  /** Sets a field's value (the effective date is shown back as MM/DD/YYYY). */
  setValue: (name: CoverageFieldName, value: string) => void;
}) {
  return (
    <>
      <Grid.Col span={{ base: 6, sm: 2 }}>
        <Select label="Priority" data={['primary', 'secondary', 'tertiary']} allowDeselect={false} {...field('priority')} />
      </Grid.Col>
      <Grid.Col span={{ base: 6, sm: 3 }}>
        <TextInput label="Member id" {...field('memberId')} />
      </Grid.Col>
      <Grid.Col span={{ base: 6, sm: 3 }}>
        <TextInput label="Group number" {...field('groupNumber')} />
      </Grid.Col>
      <Grid.Col span={{ base: 6, sm: 4 }}>
        <TextInput label="Plan name" {...field('planName')} />
      </Grid.Col>
      <Grid.Col span={{ base: 6, sm: 3 }}>
        <UsDateInput label="Effective date" {...field('effectiveDate')} setValue={(v) => setValue('effectiveDate', v)} />
      </Grid.Col>
      <Grid.Col span={{ base: 6, sm: 3 }}>
        <NumberInput label="Office copay ($)" min={0} decimalScale={2} {...field('officeCopay')} />
      </Grid.Col>
    </>
  );
}

/** X12 relationship of the subscriber to the patient (18 is the patient themself). */
export const RELATIONSHIP_OPTIONS = [
  { value: '01', label: 'Spouse' },
  { value: '19', label: 'Child' },
  { value: '53', label: 'Life partner' },
  { value: '20', label: 'Employee' },
  { value: 'G8', label: 'Other relationship' },
  { value: '21', label: 'Unknown' },
  { value: '39', label: 'Organ donor' },
  { value: '40', label: 'Cadaver donor' },
];

export type SubscriberFieldName =
  | 'relationship'
  | 'subscriber.givenName'
  | 'subscriber.familyName'
  | 'subscriber.birthDate'
  | 'subscriber.sex';

/** Whose plan it is: the patient, or another person (their name, birth date and sex) and how the patient is related to them. */
export function SubscriberFields(props: {
  kind: 'self' | 'person';
  onKind: (kind: 'self' | 'person') => void;
  field: (name: SubscriberFieldName) => InputProps;
  setValue: (name: SubscriberFieldName, value: string) => void;
}) {
  return (
    <>
      <Grid.Col span={12}>
        <Text size="sm" fw={500} id="subscriber-label">
          Subscriber (whose plan it is)
        </Text>
        <SegmentedControl
          mt={4}
          aria-labelledby="subscriber-label"
          data={[
            { value: 'self', label: 'The patient' },
            { value: 'person', label: 'Another person' },
          ]}
          value={props.kind}
          onChange={(v) => props.onKind(v as 'self' | 'person')}
        />
      </Grid.Col>
      {props.kind === 'person' && (
        <>
          <Grid.Col span={{ base: 6, sm: 3 }}>
            <TextInput label="Subscriber given name" withAsterisk {...props.field('subscriber.givenName')} />
          </Grid.Col>
          <Grid.Col span={{ base: 6, sm: 3 }}>
            <TextInput label="Subscriber family name" withAsterisk {...props.field('subscriber.familyName')} />
          </Grid.Col>
          <Grid.Col span={{ base: 6, sm: 2 }}>
            <UsDateInput
              label="Subscriber date of birth"
              withAsterisk
              {...props.field('subscriber.birthDate')}
              setValue={(v) => props.setValue('subscriber.birthDate', v)}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 6, sm: 2 }}>
            <Select label="Subscriber sex" data={['female', 'male', 'unknown']} allowDeselect={false} {...props.field('subscriber.sex')} />
          </Grid.Col>
          <Grid.Col span={{ base: 6, sm: 2 }}>
            <Select
              label="Patient is the subscriber's"
              data={RELATIONSHIP_OPTIONS}
              allowDeselect={false}
              {...props.field('relationship')}
            />
          </Grid.Col>
        </>
      )}
    </>
  );
}
