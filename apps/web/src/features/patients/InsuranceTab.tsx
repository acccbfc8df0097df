/** Coverages of the patient with their card images, and a form to add one (one active coverage per priority on any day). */
import { Alert, Button, Grid, Group, Select, Stack, Table } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { fieldErrors } from '../../api/problem.ts';
import { useSubmit } from '../../api/use-submit.ts';
import { useCan } from '../auth/use-me.ts';
import { CoverageCardImages } from './CoverageCardImages.tsx';
import { CoverageEditForm } from './CoverageEditForm.tsx';
import { CoverageFields } from './CoverageFields.tsx';
import { type CoverageInput, coveragesQuery, documentsQuery } from './patients-api.ts';
import { patientKeys } from './query-keys.ts';

const money = (c?: number) => (c === undefined ? '—' : `$${(c / 100).toFixed(2)}`);

export function InsuranceTab({ patientId }: { patientId: string }) {
  const [editing, setEditing] = useState<{ id: string; mode: 'edit' | 'terminate' } | null>(null);
  const coverages = useQuery(coveragesQuery(patientId));
  const can = useCan();
  const documents = useQuery({ ...documentsQuery(patientId), enabled: can('document:read') });
  const cardsOf = (coverageId: string) =>
    (documents.data?.items ?? []).filter((d) => d.coverageId === coverageId && d.category === 'insurance_card');
  const payers = useQuery({ queryKey: patientKeys.payers(), queryFn: () => unwrap(api.GET('/api/payers', { params: { query: {} } })) });
  const form = useForm({
    initialValues: { payerId: '', planName: '', memberId: '', groupNumber: '', priority: 'primary', effectiveDate: '', officeCopay: 0 },
    validate: {
      payerId: (v) => (v ? null : 'Choose a payer'),
      memberId: (v) => (v.trim() ? null : 'Required'),
      effectiveDate: (v) => (/^\d{4}-\d{2}-\d{2}$/.test(v) ? null : 'Use YYYY-MM-DD'),
    },
  });
  const adding = useSubmit(
    (body: CoverageInput) => api.POST('/api/patients/{id}/coverages', { params: { path: { id: patientId } }, body }),
    {
      invalidate: [patientKeys.coverages(patientId)],
      onSuccess: () => form.reset(),
      onProblem: (problem) => {
        form.setErrors(fieldErrors(problem));
        return problem.detail;
      },
    },
  );
  const { error } = adding;
  const add = (v: typeof form.values) => {
    const body = {
      payerId: v.payerId,
      planName: v.planName || null,
      memberId: v.memberId,
      groupNumber: v.groupNumber || null,
      priority: v.priority,
      effectiveDate: v.effectiveDate,
      copays: v.officeCopay ? { office: Math.round(v.officeCopay * 100) } : {},
    } as CoverageInput;
    void adding.submit(body);
  };
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
            {can('document:read') && <Table.Th>Card</Table.Th>}
            {can('coverage:write') && <Table.Th />}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {coverages.data?.items.map((c) =>
            editing?.id === c.id ? (
              <Table.Tr key={c.id}>
                <Table.Td colSpan={10}>
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
                  {c.effectiveDate} – {c.terminationDate ?? 'open'}
                </Table.Td>
                <Table.Td>{money(c.copays.office)}</Table.Td>
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
            <Select
              label="Payer"
              searchable
              data={(payers.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.name}${p.ediPayerId ? ` (${p.ediPayerId})` : ''}` }))}
              {...form.getInputProps('payerId')}
            />
          </Grid.Col>
          <CoverageFields field={(name) => form.getInputProps(name)} />
          <Grid.Col span={2}>
            <Button type="submit">Add coverage</Button>
          </Grid.Col>
        </Grid>
      </form>
    </Stack>
  );
}
