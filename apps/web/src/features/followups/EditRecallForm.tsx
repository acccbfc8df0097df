/**
 * Change a recall (PATCH /api/recalls/{id} with If-Match): move its due date, mark it booked
 * or closed (the patient moved away, declined, or the visit happened), or keep a note. A stale
 * copy (someone changed it meanwhile) answers 412 and the form asks to reopen it.
 */
import { Group, Select, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { api } from '../../api/client.ts';
import { fieldErrors } from '../../api/problem.ts';
import { useSubmit } from '../../api/use-submit.ts';
import { FormError, NoteField, SubmitRow } from './fields.tsx';
import { type Recall, recallName } from './followups-api.ts';
import { followupKeys } from './query-keys.ts';

const STATUSES: { value: Recall['status']; label: string }[] = [
  { value: 'due', label: 'Due' },
  { value: 'contacted', label: 'Contacted' },
  { value: 'booked', label: 'Booked' },
  { value: 'closed', label: 'Closed (no longer needed)' },
];

export function EditRecallForm(props: { recall: Recall; onSaved(r: Recall): void }) {
  const { recall } = props;
  const [dueDate, setDueDate] = useState(recall.dueDate);
  const [status, setStatus] = useState<Recall['status']>(recall.status);
  const [note, setNote] = useState(recall.note);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const saving = useSubmit(
    () =>
      api.PATCH('/api/recalls/{id}', {
        params: { path: { id: recall.id } },
        headers: { 'if-match': `"${recall.version}"` },
        body: {
          ...(dueDate !== recall.dueDate && { dueDate }),
          ...(status !== recall.status && { status }),
          ...(note !== recall.note && { note }),
        },
      }),
    {
      invalidate: [followupKeys.recallLists()],
      onSuccess: (saved) => props.onSaved(saved),
      onProblem: (problem) => {
        setErrors(fieldErrors(problem));
        return problem.status === 412 ? 'Someone changed this recall meanwhile. Close this and open it again.' : problem.detail;
      },
    },
  );
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        setErrors({});
        void saving.submit();
      }}
    >
      <Stack gap="sm">
        <FormError error={saving.error} />
        <TextInput label="Recall" value={`${recallName(recall)} · ${recall.patientName}`} readOnly />
        <Group grow align="flex-start">
          <TextInput
            type="date"
            label="Due date"
            required
            value={dueDate}
            onChange={(e) => setDueDate(e.currentTarget.value)}
            error={errors.dueDate}
          />
          <Select
            label="Status"
            data={STATUSES}
            value={status}
            onChange={(v) => v && setStatus(v as Recall['status'])}
            allowDeselect={false}
            error={errors.status}
          />
        </Group>
        <NoteField value={note} onChange={setNote} error={errors.note} />
        <SubmitRow label="Save recall" busy={saving.busy} />
      </Stack>
    </form>
  );
}
