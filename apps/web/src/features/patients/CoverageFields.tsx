import { Grid, NumberInput, Select, TextInput } from '@mantine/core';
import type { useForm } from '@mantine/form';

type InputProps = ReturnType<ReturnType<typeof useForm>['getInputProps']>;

export type CoverageFieldName = 'priority' | 'memberId' | 'groupNumber' | 'planName' | 'effectiveDate' | 'officeCopay';

/** The coverage fields shared by the add form and the edit form (grid columns). */
export function CoverageFields({ field }: { field: (name: CoverageFieldName) => InputProps }) {
  return (
    <>
      <Grid.Col span={2}>
        <Select label="Priority" data={['primary', 'secondary', 'tertiary']} allowDeselect={false} {...field('priority')} />
      </Grid.Col>
      <Grid.Col span={3}>
        <TextInput label="Member id" {...field('memberId')} />
      </Grid.Col>
      <Grid.Col span={3}>
        <TextInput label="Group number" {...field('groupNumber')} />
      </Grid.Col>
      <Grid.Col span={4}>
        <TextInput label="Plan name" {...field('planName')} />
      </Grid.Col>
      <Grid.Col span={3}>
        <TextInput label="Effective date" placeholder="YYYY-MM-DD" {...field('effectiveDate')} />
      </Grid.Col>
      <Grid.Col span={3}>
        <NumberInput label="Office copay ($)" min={0} decimalScale={2} {...field('officeCopay')} />
      </Grid.Col>
    </>
  );
}
