/**
 * The chart's problem list: active problems first, then resolved ones. Add a problem with the
 * ICD-10-CM picker (search as you type; a category heading may stand on the list but a billable
 * code is preferred), edit it, resolve it or reactivate it. Edits carry If-Match.
 */
import { browserToday, usePracticeToday } from '../../app/use-practice-today.ts';
import { Alert, Badge, Button, Group, Loader, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/client.ts';
import { fieldErrors, type Problem as ApiProblem, problemLine } from '../../api/problem.ts';
import { useSubmit } from '../../api/use-submit.ts';
import { useCan } from '../auth/use-me.ts';
import { type Icd10Code, Icd10Picker } from '../codes/Icd10Picker.tsx';
import { type ChartColumn, ChartEditModal, ChartTable, ErrorLine, stale } from './ChartList.tsx';
import { type Problem, problemsQuery } from './clinical-api.ts';
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
  const today = usePracticeToday() ?? browserToday();
  const toggle = useSubmit(
    (p: Problem) =>
      api.PATCH('/api/patients/{id}/problems/{problemId}', {
        params: { path: { id: props.patientId, problemId: p.id } },
        body: p.status === 'active' ? { status: 'resolved', resolvedDate: today } : { status: 'active' },
        headers: { 'if-match': `"${p.version}"` },
      }),
    {
      invalidate: [clinicalKeys.problems(props.patientId)],
      onProblem: (p) => (p.status === 412 ? stale.row('problem') : undefined),
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
      <ErrorLine error={toggle.error} />
      {items.length === 0 ? (
        <Text size="sm">No problems recorded.</Text>
      ) : (
        <ChartTable
          label="Problems"
          items={items}
          columns={COLUMNS}
          actions={
            writable
              ? (p) => (
                  <>
                    <Button size="xs" variant="light" onClick={() => setEditing(p)} aria-label={`Edit ${p.code} ${p.description}`}>
                      Edit
                    </Button>
                    <Button size="xs" variant="default" loading={toggle.busy} onClick={() => void toggle.submit(p)}>
                      {p.status === 'active' ? `Resolve ${p.code}` : `Reactivate ${p.code}`}
                    </Button>
                  </>
                )
              : undefined
          }
        />
      )}
      <ChartEditModal editing={editing} onClose={() => setEditing(null)} addTitle="Add a problem" editTitle="Edit problem" size="lg">
        {(problem) => <ProblemForm patientId={props.patientId} problem={problem} onDone={() => setEditing(null)} />}
      </ChartEditModal>
    </Stack>
  );
}

const COLUMNS: ChartColumn<Problem>[] = [
  {
    header: 'Code',
    cell: (p) => (
      <Text ff="monospace" size="sm">
        {p.code}
      </Text>
    ),
  },
  {
    header: 'Problem',
    cell: (p) => (
      <>
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
      </>
    ),
  },
  { header: 'Onset', cell: (p) => p.onsetDate ?? '—' },
  {
    header: 'Status',
    cell: (p) => (p.status === 'active' ? <Badge color="blue">Active</Badge> : <Badge color="gray">Resolved {p.resolvedDate}</Badge>),
  },
];

function ProblemForm(props: { patientId: string; problem: Problem | null; onDone: () => void }) {
  const { problem } = props;
  const [draft, setDraft] = useState<Draft>(draftOf(problem));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const failed = (p: ApiProblem) => {
    if (p.status === 412) return stale.form('problem');
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
        <ErrorLine error={saving.error} />
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
