/** Coverages of the patient with their card images, and a form to add one (one active coverage per priority on any day). */
import { Alert, Button, Grid, Group, Select, Stack, Table, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { fieldErrors, problemLine } from '../../api/problem.ts';
import { useSubmit } from '../../api/use-submit.ts';
import { useCan } from '../auth/use-me.ts';
import { CoverageCardImages } from './CoverageCardImages.tsx';
import { CoverageEditForm } from './CoverageEditForm.tsx';
import { CoverageEligibility } from './CoverageEligibility.tsx';
import { CoverageFields, SubscriberFields } from './CoverageFields.tsx';
import { COVERAGE_LABELS, coverageBody, coverageValidation, type CoverageValues, emptyCoverage, payerOptions } from './coverage-form.ts';
import { coveragesQuery, documentsQuery } from './patients-api.ts';
import { patientKeys } from './query-keys.ts';
import { toUsDate } from './us-date.ts';

const money = (c?: number) => (c === undefined ? '—' : `$${(c / 100).toFixed(2)}`);

export function InsuranceTab({ patientId }: { patientId: string }) {
  const [editing, setEditing] = useState<{ id: string; mode: 'edit' | 'terminate' } | null>(null);
  const coverages = useQuery(coveragesQuery(patientId));
  const can = useCan();
  const documents = useQuery({ ...documentsQuery(patientId), enabled: can('document:read') });
  const cardsOf = (coverageId: string) =>
    (documents.data?.items ?? []).filter((d) => d.coverageId === coverageId && d.category === 'insurance_card');
  const payers = useQuery({ queryKey: patientKeys.payers(), queryFn: () => unwrap(api.GET('/api/payers', { params: { query: {} } })) });
  const form = useForm<CoverageValues>({ initialValues: emptyCoverage(), validate: coverageValidation });
  const adding = useSubmit(
    (v: CoverageValues) => api.POST('/api/patients/{id}/coverages', { params: { path: { id: patientId } }, body: coverageBody(v) }),
    {
      invalidate: [patientKeys.coverages(patientId)],
      onSuccess: () => form.reset(),
      onProblem: (problem) => {
        const fields = fieldErrors(problem);
        form.setErrors(fields);
        return problemLine(problem, COVERAGE_LABELS, (path) => path in form.values || path.startsWith('subscriber.'));
      },
    },
  );
  const { error } = adding;
  const add = (v: CoverageValues) => void adding.submit(v);
  const values = form.getValues();
  return (
    <Stack mt="md">
      <Table withTableBorder data-testid="coverages">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Priority</Table.Th>
            <Table.Th>Payer</Table.Th>
            <Table.Th>Plan</Table.Th>
            <Table.Th>Member id</Table.Th>
            <Table.Th>Group</Table.Th>
            <Table.Th>Dates</Table.Th>
            <Table.Th>Office copay</Table.Th>
            {can('eligibility:check') && <Table.Th>Eligibility</Table.Th>}
            {can('document:read') && <Table.Th>Card</Table.Th>}
            {can('coverage:write') && <Table.Th />}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {coverages.data?.items.map((c) =>
            editing?.id === c.id ? (
              <Table.Tr key={c.id}>
                <Table.Td colSpan={11}>
                  <CoverageEditForm patientId={patientId} coverage={c} mode={editing.mode} onDone={() => setEditing(null)} />
                </Table.Td>
              </Table.Tr>
            ) : (
              <Table.Tr key={c.id}>
                <Table.Td>{c.priority}</Table.Td>
                <Table.Td>{c.payerName}</Table.Td>
                <Table.Td>{c.planName}</Table.Td>
                <Table.Td>{c.memberId}</Table.Td>
                <Table.Td>{c.groupNumber}</Table.Td>
                <Table.Td>
                  {toUsDate(c.effectiveDate)} – {c.terminationDate ? toUsDate(c.terminationDate) : 'open'}
                  {c.subscriber.kind === 'person' && (
                    <Text size="xs" c="dimmed">
                      Subscriber: {c.subscriber.givenName} {c.subscriber.familyName}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{money(c.copays.office)}</Table.Td>
                {can('eligibility:check') && (
                  <Table.Td>
                    <CoverageEligibility patientId={patientId} coverageId={c.id} payerName={c.payerName} />
                  </Table.Td>
                )}
                {can('document:read') && (
                  <Table.Td>
                    <CoverageCardImages
                      patientId={patientId}
                      coverageId={c.id}
                      payerName={c.payerName}
                      docs={cardsOf(c.id)}
                      canUpload={can('document:write')}
                    />
                  </Table.Td>
                )}
                {can('coverage:write') && (
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      <Button size="compact-xs" variant="subtle" onClick={() => setEditing({ id: c.id, mode: 'edit' })}>
                        Edit
                      </Button>
                      <Button size="compact-xs" variant="subtle" color="red" onClick={() => setEditing({ id: c.id, mode: 'terminate' })}>
                        Terminate
                      </Button>
                    </Group>
                  </Table.Td>
                )}
              </Table.Tr>
            ),
          )}
        </Table.Tbody>
      </Table>
      <form onSubmit={form.onSubmit(add)} noValidate>
        {error && <Alert color="red">{error}</Alert>}
        <Grid align="flex-end">
          <Grid.Col span={4}>
            <Select label="Payer" searchable data={payerOptions(payers.data?.items ?? [])} {...form.getInputProps('payerId')} />
          </Grid.Col>
          <CoverageFields field={(name) => form.getInputProps(name)} setValue={(name, v) => form.setFieldValue(name, v)} />
          <SubscriberFields
            kind={values.subscriber.kind}
            onKind={(kind) => {
              form.setFieldValue('subscriber.kind', kind);
              form.setFieldValue('relationship', kind === 'self' ? '18' : '01');
            }}
            field={(name) => form.getInputProps(name)}
            setValue={(name, v) => form.setFieldValue(name, v)}
          />
          <Grid.Col span={2}>
            <Button type="submit">Add coverage</Button>
          </Grid.Col>
        </Grid>
      </form>
    </Stack>
  );
}
