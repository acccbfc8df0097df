/** Admin → Reminders: the outgoing mail server and text-message account (settings:manage) and the reminder rules (schedule:manage). */
import { Stack, Title } from '@mantine/core';
import { useCan } from '../auth/use-me.ts';
import { ReminderRulesTable } from './ReminderRulesTable.tsx';
import { SmsSettingsForm } from './SmsSettingsForm.tsx';
import { SmtpSettingsForm } from './SmtpSettingsForm.tsx';

export function RemindersPage() {
  const can = useCan();
  return (
    <Stack>
      <Title order={1}>Reminders</Title>
      {can('schedule:manage') && <ReminderRulesTable />}
      {can('settings:manage') && <SmtpSettingsForm />}
      {can('settings:manage') && <SmsSettingsForm />}
    </Stack>
  );
}
