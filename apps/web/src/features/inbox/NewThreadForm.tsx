/**
 * Start a staff thread: a message (subject, text, assigned to a colleague) or, from a chart, a
 * refill request naming one of the patient's active medications (it goes to the prescriber).
 */
import { Alert, Button, Group, SegmentedControl, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { fieldErrors } from '../../api/problem.ts';
import { useSubmit } from '../../api/use-submit.ts';
import type { StaffThreadDetail } from './inbox-api.ts';
import { inboxKeys } from './query-keys.ts';
import { colleagueOptions, useColleagues } from './ThreadView.tsx';

export function NewThreadForm(props: { patientId?: string; onCreated(t: StaffThreadDetail): void }) {
  const [kind, setKind] = useState<'message' | 'refill_request'>('message');
  const [subject, setSubject] = useState('');
  const [body, setBody] = useState('');
  const [assignedTo, setAssignedTo] = useState<string | null>(null);
  const [medicationId, setMedicationId] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const colleagues = useColleagues();
  const { patientId } = props;
  const meds = useQuery({
    queryKey: inboxKeys.refillMedications(patientId ?? ''),
    queryFn: () => unwrap(api.GET('/api/patients/{id}/refill-medications', { params: { path: { id: patientId ?? '' } } })),
    enabled: Boolean(patientId) && kind === 'refill_request',
  });
  const create = useSubmit(
    () =>
      api.POST('/api/staff-threads', {
        body: {
          kind,
          body,
          ...(kind === 'message' && { subject }),
          ...(patientId && { patientId }),
          ...(kind === 'refill_request' && medicationId && { medicationId }),
          ...(kind === 'message' && assignedTo && { assignedTo }),
        },
      }),
    {
      invalidate: [inboxKeys.lists()],
      onSuccess: (t) => props.onCreated(t),
      onProblem: (problem) => {
        setErrors(fieldErrors(problem));
        return problem.detail;
      },
    },
  );
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        setErrors({});
        void create.submit();
      }}
    >
      <Stack gap="sm">
        {patientId && (
          <SegmentedControl
            aria-label="Kind of message"
            value={kind}
            onChange={(v) => setKind(v as typeof kind)}
            data={[
              { value: 'message', label: 'Message' },
              { value: 'refill_request', label: 'Refill request' },
            ]}
          />
        )}
        {kind === 'message' ? (
          <>
            <TextInput
              label="Subject"
              value={subject}
              onChange={(e) => setSubject(e.currentTarget.value)}
              error={errors.subject}
              required
              data-autofocus
            />
            <Select
              label="Assign to"
              placeholder="Nobody yet"
              clearable
              data={colleagueOptions(colleagues.data)}
              value={assignedTo}
              onChange={setAssignedTo}
              error={errors.assignedTo}
            />
          </>
        ) : (
          <Select
            label="Medication"
            placeholder={meds.data?.items.length === 0 ? 'No active medications' : 'Choose the medication'}
            data={
              meds.data?.items.map((m) => ({
                value: m.id,
                label: `${m.name} ${m.dose}`.trim() + (m.prescriberProviderId ? '' : ` (outside: ${m.prescriberName ?? 'unknown'})`),
              })) ?? []
            }
            value={medicationId}
            onChange={setMedicationId}
            error={errors.medicationId}
            required
          />
        )}
        <Textarea
          label="Message"
          value={body}
          onChange={(e) => setBody(e.currentTarget.value)}
          error={errors.body}
          autosize
          minRows={3}
          maxLength={5000}
          required
        />
        {create.error && (
          <Alert color="red" role="alert">
            {create.error}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button type="submit" loading={create.busy}>
            {kind === 'refill_request' ? 'Send to the prescriber' : 'Send'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
