/**
 * The follow-up the plan asks for: return in N days, for which kind of visit, with a note for the
 * front desk. Signing puts it on the follow-up worklist.
 */
import { Checkbox, Group, Select, Stack, TextInput, Title } from '@mantine/core';
import { useAppointmentTypes } from '../schedule/schedule-api.ts';
import type { FollowUpForm } from './draft-values.ts';

export function FollowUpFields(props: {
  value: FollowUpForm | null;
  readOnly: boolean;
  errors: Record<string, string>;
  onChange(next: FollowUpForm | null): void;
}) {
  const types = useAppointmentTypes();
  const f = props.value;
  const err = (k: string) => props.errors[`followUp.${k}`];
  const daysInvalid = f && f.inDays.trim() !== '' && !/^\d+$/.test(f.inDays.trim()) ? 'Enter a whole number of days' : undefined;
  return (
    <Stack gap="xs" component="section" aria-labelledby="follow-up-heading" id="encounter-follow-up">
      <Title order={2} size="h4" id="follow-up-heading">
        Follow-up
      </Title>
      <Checkbox
        label="Ask the front desk to book a follow-up"
        checked={f !== null}
        disabled={props.readOnly}
        onChange={(e) => props.onChange(e.currentTarget.checked ? { inDays: '', appointmentTypeId: null, note: '' } : null)}
      />
      {f && (
        <Group align="flex-start" gap="sm">
          <TextInput
            label="In how many days"
            inputMode="numeric"
            w={140}
            required
            value={f.inDays}
            readOnly={props.readOnly}
            error={daysInvalid ?? err('inDays')}
            onChange={(e) => props.onChange({ ...f, inDays: e.currentTarget.value })}
          />
          <Select
            label="Visit type"
            w={220}
            clearable
            placeholder="Any"
            data={(types.data ?? []).filter((t) => t.active).map((t) => ({ value: t.id, label: t.name }))}
            value={f.appointmentTypeId}
            readOnly={props.readOnly}
            error={err('appointmentTypeId')}
            onChange={(v) => props.onChange({ ...f, appointmentTypeId: v })}
          />
          <TextInput
            label="Note for the front desk"
            miw={240}
            maxLength={500}
            value={f.note}
            readOnly={props.readOnly}
            error={err('note')}
            onChange={(e) => props.onChange({ ...f, note: e.currentTarget.value })}
          />
        </Group>
      )}
    </Stack>
  );
}
