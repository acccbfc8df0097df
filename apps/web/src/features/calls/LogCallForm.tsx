/**
 * Log a call (POST /api/calls): direction, the number (typing it finds the caller: one match is
 * picked, several are listed to choose from), reason, note, outcome, and an optional follow-up
 * task (for whom, by when).
 */
import { Alert, Button, Checkbox, Group, Radio, SegmentedControl, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { fieldErrors } from '../../api/problem.ts';
import { useSubmit } from '../../api/use-submit.ts';
import { taskKeys } from '../tasks/query-keys.ts';
import { useAssigneeOptions } from '../tasks/use-assignees.ts';
import { type Call, type CallInput, type LoggedCall, OUTCOME_LABELS, outcomesFor, REASON_LABELS } from './calls-api.ts';
import { callKeys } from './query-keys.ts';

const NONE = 'none';
const options = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label }));
const digitsOf = (phone: string) => phone.replace(/\D/g, '');

export function LogCallForm(props: { onLogged(call: LoggedCall): void }) {
  const [direction, setDirection] = useState<Call['direction']>('inbound');
  const [phone, setPhone] = useState('');
  const [patientId, setPatientId] = useState<string>(NONE);
  const [reason, setReason] = useState<Call['reason']>('appointment');
  const [note, setNote] = useState('');
  const [outcome, setOutcome] = useState<string | null>(null);
  const [followUp, setFollowUp] = useState(false);
  const [assigneeId, setAssigneeId] = useState<string | null>(null);
  const [dueOn, setDueOn] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const assignees = useAssigneeOptions(followUp);
  const [typed] = useDebouncedValue(phone, 300);
  const lookupDigits = digitsOf(typed);
  const caller = useQuery({
    queryKey: callKeys.caller(lookupDigits),
    queryFn: () => unwrap(api.GET('/api/calls/caller', { params: { query: { phone: typed } } })),
    enabled: lookupDigits.length >= 10,
    retry: false,
  });
  const candidates = lookupDigits.length >= 10 ? (caller.data?.candidates ?? []) : [];
  // One match is the caller unless the desk says otherwise; a new number starts over.
  const [pickedFor, setPickedFor] = useState('');
  if (caller.data && pickedFor !== caller.data.phone) {
    setPickedFor(caller.data.phone);
    setPatientId(caller.data.candidates.length === 1 ? (caller.data.candidates[0]?.id ?? NONE) : NONE);
  }

  const saving = useSubmit(
    () => {
      const body: CallInput = {
        direction,
        phone,
        reason,
        note,
        ...(patientId !== NONE && { patientId }),
        ...(outcome && { outcome: outcome as NonNullable<Call['outcome']> }),
        ...(followUp && { followUp: { ...(assigneeId && { assigneeId }), ...(dueOn && { dueOn }) } }),
      };
      return api.POST('/api/calls', { body });
    },
    {
      invalidate: [callKeys.lists(), taskKeys.lists()],
      onSuccess: (call) => props.onLogged(call),
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
        void saving.submit();
      }}
    >
      <Stack gap="sm">
        <SegmentedControl
          aria-label="Direction"
          data={[
            { value: 'inbound', label: 'Incoming' },
            { value: 'outbound', label: 'Outgoing' },
          ]}
          value={direction}
          onChange={(v) => {
            setDirection(v as Call['direction']);
            setOutcome(null);
          }}
        />
        <TextInput
          label="Phone number"
          value={phone}
          onChange={(e) => setPhone(e.currentTarget.value)}
          error={errors.phone}
          inputMode="tel"
          autoComplete="off"
          placeholder="(413) 555-0142"
          data-autofocus
          required
        />
        {lookupDigits.length >= 10 && caller.isSuccess && (
          <Radio.Group
            label={candidates.length > 1 ? 'Several patients have this number: who is calling?' : 'Caller'}
            value={patientId}
            onChange={setPatientId}
            error={errors.patientId}
          >
            <Stack gap={4} mt={4} data-testid="caller-candidates">
              {candidates.map((c) => (
                <Radio key={c.id} value={c.id} label={`${c.givenName} ${c.familyName} · born ${c.birthDate} · MRN ${c.mrn}`} />
              ))}
              <Radio value={NONE} label={candidates.length ? 'Someone else' : 'No patient has this number'} />
            </Stack>
          </Radio.Group>
        )}
        {caller.isError && <Text size="sm">{errors.phone ?? 'Enter a whole number, with the area code.'}</Text>}
        <Group grow align="flex-start">
          <Select
            label="Reason"
            data={options(REASON_LABELS)}
            value={reason}
            onChange={(v) => v && setReason(v as Call['reason'])}
            allowDeselect={false}
            error={errors.reason}
          />
          <Select
            label="Outcome"
            placeholder="Not yet"
            data={outcomesFor(direction).map((o) => ({ value: o, label: OUTCOME_LABELS[o] }))}
            value={outcome}
            onChange={setOutcome}
            clearable
            error={errors.outcome}
          />
        </Group>
        <Textarea
          label="Note"
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          error={errors.note}
          rows={3}
          maxLength={4000}
        />
        <Checkbox label="Create a follow-up task" checked={followUp} onChange={(e) => setFollowUp(e.currentTarget.checked)} />
        {followUp && (
          <Group grow align="flex-start">
            <Select
              label="Assign to"
              placeholder="Nobody yet"
              data={assignees}
              value={assigneeId}
              onChange={setAssigneeId}
              searchable
              clearable
              error={errors['followUp.assigneeId']}
            />
            <TextInput
              type="date"
              label="Due"
              value={dueOn}
              onChange={(e) => setDueOn(e.currentTarget.value)}
              error={errors['followUp.dueOn']}
            />
          </Group>
        )}
        {saving.error && (
          <Alert color="red" role="alert">
            {saving.error}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button type="submit" loading={saving.busy}>
            Log call
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
