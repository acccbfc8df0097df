/**
 * The chart's allergies and allergy status. "No known allergies" is a recorded, dated
 * statement (by whom, when), shown as such; an empty list whose status is unknown says
 * nobody has asked yet. Add or edit an allergy in a modal; mark it inactive; record NKA
 * (refused while an allergy is active: the server says which).
 */
import { Alert, Badge, Button, Group, Loader, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/client.ts';
import { fieldErrors, type Problem as ApiProblem, problemLine } from '../../api/problem.ts';
import { useSubmit } from '../../api/use-submit.ts';
import { useCan } from '../auth/use-me.ts';
import { type ChartColumn, ChartEditModal, ChartTable, ErrorLine, stale } from './ChartList.tsx';
import { type Allergy, type AllergyList, allergiesQuery, SEVERITY_TEXT } from './clinical-api.ts';
import { clinicalKeys } from './query-keys.ts';

const LABELS: Record<string, string> = {
  substance: 'Substance',
  reaction: 'Reaction',
  severity: 'Severity',
  status: 'Status',
  onsetDate: 'Onset date',
  note: 'Note',
};

const SEVERITY_COLOR: Record<Allergy['severity'], string> = {
  mild: 'yellow',
  moderate: 'orange',
  severe: 'red',
  life_threatening: 'red',
  unknown: 'gray',
};

/** "recorded 2026-03-04 by Demo Nurse" */
export function recordedLine(list: Pick<AllergyList, 'recordedAt' | 'recordedBy'>): string {
  if (!list.recordedAt) return '';
  const by = list.recordedBy ? ` by ${list.recordedBy.name}` : '';
  return `recorded ${list.recordedAt.slice(0, 10)}${by}`;
}

export function AllergyStatusLine(props: { list: AllergyList }) {
  const { list } = props;
  if (list.status === 'nka') {
    return (
      <Alert color="green" title="No known allergies" data-testid="allergy-status">
        No known allergies — {recordedLine(list)}.
      </Alert>
    );
  }
  if (list.status === 'unknown') {
    return (
      <Alert color="yellow" title="Allergies not recorded" data-testid="allergy-status">
        Nobody has recorded this patient's allergies yet. Ask, then add each allergy or record "No known allergies".
      </Alert>
    );
  }
  return null;
}

export function AllergiesTab(props: { patientId: string }) {
  const can = useCan();
  const allergies = useQuery(allergiesQuery(props.patientId));
  const [editing, setEditing] = useState<Allergy | 'new' | null>(null);
  const writable = can('note:write');
  const invalidate = [clinicalKeys.allergies(props.patientId)];
  const nka = useSubmit(
    () => api.POST('/api/patients/{id}/allergies/no-known-allergies', { params: { path: { id: props.patientId } }, body: {} }),
    { invalidate },
  );
  const inactivate = useSubmit(
    (a: Allergy) =>
      api.PATCH('/api/patients/{id}/allergies/{allergyId}', {
        params: { path: { id: props.patientId, allergyId: a.id } },
        body: { status: a.status === 'active' ? 'inactive' : 'active' },
        headers: { 'if-match': `"${a.version}"` },
      }),
    {
      invalidate,
      onProblem: (p) => (p.status === 412 ? stale.row('allergy') : undefined),
    },
  );
  if (allergies.isPending) return <Loader aria-label="Loading allergies" />;
  if (allergies.isError) return <Alert color="red">{allergies.error.message}</Alert>;
  const list = allergies.data;
  const error = nka.error ?? inactivate.error;
  return (
    <Stack gap="sm" pt="sm" data-testid="chart-allergies">
      <Group justify="space-between">
        <Text size="sm">{list.status === 'has_allergies' ? `Allergies ${recordedLine(list)}` : `${list.items.length} recorded`}</Text>
        {writable && (
          <Group gap="xs">
            {list.status !== 'nka' && (
              <Button
                variant="default"
                loading={nka.busy}
                disabled={list.items.some((a) => a.status === 'active')}
                title={list.items.some((a) => a.status === 'active') ? 'Mark the active allergies inactive first' : undefined}
                onClick={() => {
                  inactivate.reset();
                  void nka.submit();
                }}
              >
                Record no known allergies
              </Button>
            )}
            <Button onClick={() => setEditing('new')}>Add allergy</Button>
          </Group>
        )}
      </Group>
      <ErrorLine error={error} />
      <AllergyStatusLine list={list} />
      {list.items.length > 0 && (
        <ChartTable
          label="Allergies"
          items={list.items}
          columns={COLUMNS}
          actions={
            writable
              ? (a) => (
                  <>
                    <Button size="xs" variant="light" onClick={() => setEditing(a)} aria-label={`Edit ${a.substance}`}>
                      Edit
                    </Button>
                    <Button
                      size="xs"
                      variant="default"
                      loading={inactivate.busy}
                      onClick={() => {
                        nka.reset();
                        void inactivate.submit(a);
                      }}
                    >
                      {a.status === 'active' ? `Mark ${a.substance} inactive` : `Mark ${a.substance} active`}
                    </Button>
                  </>
                )
              : undefined
          }
        />
      )}
      <ChartEditModal editing={editing} onClose={() => setEditing(null)} addTitle="Add an allergy" editTitle="Edit allergy">
        {(allergy) => <AllergyForm patientId={props.patientId} allergy={allergy} onDone={() => setEditing(null)} />}
      </ChartEditModal>
    </Stack>
  );
}

const COLUMNS: ChartColumn<Allergy>[] = [
  {
    header: 'Substance',
    cell: (a) => (
      <>
        {a.substance}
        {a.note && (
          <Text size="xs" c="dimmed">
            {a.note}
          </Text>
        )}
      </>
    ),
  },
  { header: 'Reaction', cell: (a) => a.reaction || '—' },
  {
    header: 'Severity',
    cell: (a) => (
      <Badge color={SEVERITY_COLOR[a.severity]} variant="light">
        {SEVERITY_TEXT[a.severity]}
      </Badge>
    ),
  },
  { header: 'Status', cell: (a) => (a.status === 'active' ? <Badge color="red">Active</Badge> : <Badge color="gray">Inactive</Badge>) },
];

function AllergyForm(props: { patientId: string; allergy: Allergy | null; onDone: () => void }) {
  const { allergy } = props;
  const [draft, setDraft] = useState({
    substance: allergy?.substance ?? '',
    reaction: allergy?.reaction ?? '',
    severity: allergy?.severity ?? ('unknown' as Allergy['severity']),
    onsetDate: allergy?.onsetDate ?? '',
    note: allergy?.note ?? '',
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const failed = (p: ApiProblem) => {
    if (p.status === 412) return stale.form('allergy');
    setErrors(fieldErrors(p));
    return problemLine(p, LABELS, (path) => path in LABELS);
  };
  const saving = useSubmit(
    () => {
      const body = { ...draft, onsetDate: draft.onsetDate || null };
      if (!allergy) return api.POST('/api/patients/{id}/allergies', { params: { path: { id: props.patientId } }, body });
      return api.PATCH('/api/patients/{id}/allergies/{allergyId}', {
        params: { path: { id: props.patientId, allergyId: allergy.id } },
        body,
        headers: { 'if-match': `"${allergy.version}"` },
      });
    },
    { invalidate: [clinicalKeys.allergies(props.patientId)], onSuccess: props.onDone, onProblem: failed },
  );
  return (
    <form
      aria-label={allergy ? 'Edit allergy' : 'Add an allergy'}
      onSubmit={(e) => {
        e.preventDefault();
        void saving.submit();
      }}
    >
      <Stack>
        <ErrorLine error={saving.error} />
        <TextInput
          label="Substance"
          description="Drug, food or other substance, e.g. Penicillin"
          required
          maxLength={200}
          value={draft.substance}
          onChange={(e) => setDraft({ ...draft, substance: e.currentTarget.value })}
          error={errors.substance}
          data-autofocus
        />
        <TextInput
          label="Reaction"
          placeholder="Hives"
          maxLength={200}
          value={draft.reaction}
          onChange={(e) => setDraft({ ...draft, reaction: e.currentTarget.value })}
          error={errors.reaction}
        />
        <Group grow align="flex-start">
          <Select
            label="Severity"
            data={Object.entries(SEVERITY_TEXT).map(([value, label]) => ({ value, label }))}
            value={draft.severity}
            allowDeselect={false}
            onChange={(v) => setDraft({ ...draft, severity: (v as Allergy['severity']) ?? 'unknown' })}
            error={errors.severity}
          />
          <TextInput
            type="date"
            label="Onset date"
            value={draft.onsetDate}
            onChange={(e) => setDraft({ ...draft, onsetDate: e.currentTarget.value })}
            error={errors.onsetDate}
          />
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
            {allergy ? 'Save' : 'Add allergy'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
