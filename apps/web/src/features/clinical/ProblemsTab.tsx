/**
 * The chart's problem list: active problems first, then resolved ones. Add a problem with the
 * ICD-10-CM picker (search as you type; a category heading may stand on the list but a billable
 * code is preferred), edit it, resolve it or reactivate it. Edits carry If-Match.
 */
import { Alert, Badge, Button, Group, Loader, Modal, Select, Stack, Table, Text, Textarea, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/client.ts';
import { fieldErrors, type Problem as ApiProblem, problemLine } from '../../api/problem.ts';
import { useSubmit } from '../../api/use-submit.ts';
import { useCan } from '../auth/use-me.ts';
import { type Icd10Code, Icd10Picker } from '../codes/Icd10Picker.tsx';
import { localToday, type Problem, problemsQuery } from './clinical-api.ts';
import { clinicalKeys } from './query-keys.ts';

const LABELS: Record<string, string> = {
  code: 'Code',
  description: 'Description',
  onsetDate: 'Onset date',
  status: 'Status',
  resolvedDate: 'Resolved date',
  note: 'Note',
};

interface Draft {
  code: Icd10Code | null;
  description: string;
  onsetDate: string;
  status: 'active' | 'resolved';
  resolvedDate: string;
  note: string;
}

function draftOf(p: Problem | null): Draft {
  if (!p) return { code: null, description: '', onsetDate: '', status: 'active', resolvedDate: '', note: '' };
  return {
    code: { code: p.code, description: p.description, billable: p.billable },
    description: p.description,
    onsetDate: p.onsetDate ?? '',
    status: p.status,
    resolvedDate: p.resolvedDate ?? '',
    note: p.note,
  };
}

export function ProblemsTab(props: { patientId: string }) {
  const can = useCan();
  const problems = useQuery(problemsQuery(props.patientId));
  const [editing, setEditing] = useState<Problem | 'new' | null>(null);
  const writable = can('note:write');
  const toggle = useSubmit(
    (p: Problem) =>
      api.PATCH('/api/patients/{id}/problems/{problemId}', {
        params: { path: { id: props.patientId, problemId: p.id } },
        body: p.status === 'active' ? { status: 'resolved', resolvedDate: localToday() } : { status: 'active' },
        headers: { 'if-match': `"${p.version}"` },
      }),
    {
      invalidate: [clinicalKeys.problems(props.patientId)],
      onProblem: (p) => (p.status === 412 ? 'Someone changed this problem meanwhile: the list now shows their version.' : undefined),
    },
  );
  if (problems.isPending) return <Loader aria-label="Loading problems" />;
  if (problems.isError) return <Alert color="red">{problems.error.message}</Alert>;
  const items = problems.data;
  return (
    <Stack gap="sm" pt="sm" data-testid="chart-problems">
      <Group justify="space-between">
        <Text size="sm">
          {items.filter((p) => p.status === 'active').length} active · {items.filter((p) => p.status === 'resolved').length} resolved
        </Text>
        {writable && <Button onClick={() => setEditing('new')}>Add problem</Button>}
      </Group>
      {toggle.error && (
        <Alert color="red" role="alert">
          {toggle.error}
        </Alert>
      )}
      {items.length === 0 ? (
        <Text size="sm">No problems recorded.</Text>
      ) : (
        <Table striped aria-label="Problems">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Code</Table.Th>
              <Table.Th>Problem</Table.Th>
              <Table.Th>Onset</Table.Th>
              <Table.Th>Status</Table.Th>
              {writable && (
                <Table.Th>
                  <span className="visually-hidden">Actions</span>
                </Table.Th>
              )}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((p) => (
              <Table.Tr key={p.id}>
                <Table.Td>
                  <Text ff="monospace" size="sm">
                    {p.code}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {p.description}
                  {!p.billable && (
                    <Badge ml="xs" size="xs" color="gray" variant="light">
                      heading
                    </Badge>
                  )}
                  {p.note && (
                    <Text size="xs" c="dimmed">
                      {p.note}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{p.onsetDate ?? '—'}</Table.Td>
                <Table.Td>
                  {p.status === 'active' ? <Badge color="blue">Active</Badge> : <Badge color="gray">Resolved {p.resolvedDate}</Badge>}
                </Table.Td>
                {writable && (
                  <Table.Td>
                    <Group gap="xs" justify="flex-end" wrap="nowrap">
                      <Button size="xs" variant="light" onClick={() => setEditing(p)} aria-label={`Edit ${p.code} ${p.description}`}>
                        Edit
                      </Button>
                      <Button size="xs" variant="default" loading={toggle.busy} onClick={() => void toggle.submit(p)}>
                        {p.status === 'active' ? `Resolve ${p.code}` : `Reactivate ${p.code}`}
                      </Button>
                    </Group>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing === 'new' ? 'Add a problem' : 'Edit problem'}
        closeButtonProps={{ 'aria-label': 'Close' }}
        size="lg"
      >
        {editing !== null && (
          <ProblemForm patientId={props.patientId} problem={editing === 'new' ? null : editing} onDone={() => setEditing(null)} />
        )}
      </Modal>
    </Stack>
  );
}

function ProblemForm(props: { patientId: string; problem: Problem | null; onDone: () => void }) {
  const { problem } = props;
  const [draft, setDraft] = useState<Draft>(draftOf(problem));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const failed = (p: ApiProblem) => {
    if (p.status === 412) return 'Someone changed this problem meanwhile: close and open it again.';
    setErrors(fieldErrors(p));
    return problemLine(p, LABELS, (path) => path in LABELS);
  };
  const saving = useSubmit(
    () => {
      const body = {
        code: draft.code?.code ?? '',
        description: draft.description.trim() || null,
        onsetDate: draft.onsetDate || null,
        status: draft.status,
        resolvedDate: draft.status === 'resolved' ? draft.resolvedDate || null : null,
        note: draft.note,
      };
      if (!problem) return api.POST('/api/patients/{id}/problems', { params: { path: { id: props.patientId } }, body });
      return api.PATCH('/api/patients/{id}/problems/{problemId}', {
        params: { path: { id: props.patientId, problemId: problem.id } },
        body,
        headers: { 'if-match': `"${problem.version}"` },
      });
    },
    { invalidate: [clinicalKeys.problems(props.patientId)], onSuccess: props.onDone, onProblem: failed },
  );
  return (
    <form
      aria-label={problem ? 'Edit problem' : 'Add a problem'}
      onSubmit={(e) => {
        e.preventDefault();
        if (!draft.code) {
          setErrors({ code: 'Choose a code from the list.' });
          return;
        }
        void saving.submit();
      }}
    >
      <Stack>
        {saving.error && (
          <Alert color="red" role="alert">
            {saving.error}
          </Alert>
        )}
        <Icd10Picker
          label="Diagnosis (ICD-10-CM)"
          onPick={(code) => {
            setDraft({ ...draft, code, description: code.description });
            setErrors({ ...errors, code: '' });
          }}
        />
        {draft.code ? (
          <Text size="sm" data-testid="picked-code">
            Picked: <strong>{draft.code.code}</strong> {draft.code.description}
            {!draft.code.billable && ' (a category heading: a more specific code is better)'}
          </Text>
        ) : (
          errors.code && (
            <Text size="sm" c="red" role="alert">
              {errors.code}
            </Text>
          )
        )}
        <TextInput
          label="Description"
          description="As the chart shows it; defaults to the code's description"
          maxLength={400}
          value={draft.description}
          onChange={(e) => setDraft({ ...draft, description: e.currentTarget.value })}
          error={errors.description}
        />
        <Group grow align="flex-start">
          <TextInput
            type="date"
            label="Onset date"
            value={draft.onsetDate}
            onChange={(e) => setDraft({ ...draft, onsetDate: e.currentTarget.value })}
            error={errors.onsetDate}
          />
          <Select
            label="Status"
            data={[
              { value: 'active', label: 'Active' },
              { value: 'resolved', label: 'Resolved' },
            ]}
            value={draft.status}
            allowDeselect={false}
            onChange={(v) => setDraft({ ...draft, status: (v as Draft['status']) ?? 'active' })}
            error={errors.status}
          />
          {draft.status === 'resolved' && (
            <TextInput
              type="date"
              label="Resolved date"
              description="Today if empty"
              value={draft.resolvedDate}
              onChange={(e) => setDraft({ ...draft, resolvedDate: e.currentTarget.value })}
              error={errors.resolvedDate}
            />
          )}
        </Group>
        <Textarea
          label="Note"
          autosize
          minRows={2}
          maxLength={2000}
          value={draft.note}
          onChange={(e) => setDraft({ ...draft, note: e.currentTarget.value })}
          error={errors.note}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={saving.busy}>
            {problem ? 'Save' : 'Add problem'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
