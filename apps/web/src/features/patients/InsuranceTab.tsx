/** Coverages of the patient with their card images, and a form to add one (one active coverage per priority on any day). */
import { Alert, Button, Grid, Group, Select, Stack, Table } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { fieldErrors, toProblem } from '../../api/problem.ts';
import { useCan } from '../auth/use-me.ts';
import { CoverageCardImages } from './CoverageCardImages.tsx';
import { CoverageEditForm } from './CoverageEditForm.tsx';
import { CoverageFields } from './CoverageFields.tsx';
import type { CoverageInput } from './patients-api.ts';

const money = (c?: number) => (c === undefined ? '—' : `$${(c / 100).toFixed(2)}`);

export function InsuranceTab({ patientId }: { patientId: string }) {
  const qc = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState<{ id: string; mode: 'edit' | 'terminate' } | null>(null);
  const coverages = useQuery({
    queryKey: ['patient', patientId, 'coverages'],
    queryFn: () => unwrap(api.GET('/api/patients/{id}/coverages', { params: { path: { id: patientId }, query: {} } })),
  });
  const can = useCan();
  const documents = useQuery({
    queryKey: ['patient', patientId, 'documents'],
    enabled: can('document:read'),
    queryFn: () => unwrap(api.GET('/api/patients/{id}/documents', { params: { path: { id: patientId }, query: {} } })),
  });
  const cardsOf = (coverageId: string) =>
    (documents.data?.items ?? []).filter((d) => d.coverageId === coverageId && d.category === 'insurance_card');
  const payers = useQuery({ queryKey: ['payers'], queryFn: () => unwrap(api.GET('/api/payers', { params: { query: {} } })) });
  const form = useForm({
    initialValues: { payerId: '', planName: '', memberId: '', groupNumber: '', priority: 'primary', effectiveDate: '', officeCopay: 0 },
    validate: {
      payerId: (v) => (v ? null : 'Choose a payer'),
      memberId: (v) => (v.trim() ? null : 'Required'),
      effectiveDate: (v) => (/^\d{4}-\d{2}-\d{2}$/.test(v) ? null : 'Use YYYY-MM-DD'),
    },
  });
  const add = async (v: typeof form.values) => {
    setError(null);
    const body = {
      payerId: v.payerId,
      planName: v.planName || null,
      memberId: v.memberId,
      groupNumber: v.groupNumber || null,
      priority: v.priority,
      effectiveDate: v.effectiveDate,
      copays: v.officeCopay ? { office: Math.round(v.officeCopay * 100) } : {},
    } as CoverageInput;
    const { data, error: err, response } = await api.POST('/api/patients/{id}/coverages', { params: { path: { id: patientId } }, body });
    if (data) {
      form.reset();
      void qc.invalidateQueries({ queryKey: ['patient', patientId, 'coverages'] });
      return;
    }
    const problem = toProblem(err, response.status);
    form.setErrors(fieldErrors(problem));
    setError(problem.detail);
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
