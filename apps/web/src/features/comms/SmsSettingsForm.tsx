/**
 * The practice's text-message account (settings:manage): a Twilio-compatible provider's account
 * SID, auth token (write-only: the form shows whether one is stored), the practice's number, the
 * API address, and the local hours texts may go out. The provider's webhook for replies is
 * `<link address>/api/sms/inbound` (shown here to paste into the provider's console).
 */
import { Alert, Badge, Button, Group, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import type { CommsSettings } from './comms-api.ts';
import { orNull, useSettingsDraft } from './use-settings-draft.ts';

interface Draft {
  smsAccountSid: string;
  smsFromNumber: string;
  smsApiBaseUrl: string;
  smsSendFrom: string;
  smsSendUntil: string;
}

const toDraft = (s: CommsSettings): Draft => ({
  smsAccountSid: s.smsAccountSid ?? '',
  smsFromNumber: s.smsFromNumber ?? '',
  smsApiBaseUrl: s.smsApiBaseUrl ?? '',
  smsSendFrom: s.smsSendFrom,
  smsSendUntil: s.smsSendUntil,
});

const SMS_LABELS: Record<string, string> = {
  smsAccountSid: 'Account SID',
  smsAuthToken: 'Auth token',
  smsFromNumber: 'Practice number',
  smsApiBaseUrl: 'API address',
  smsSendFrom: 'Texts from',
  smsSendUntil: 'Texts until',
};

export function SmsSettingsForm() {
  const [token, setToken] = useState('');
  const {
    settings,
    draft,
    errors,
    saving,
    set,
    save: send,
  } = useSettingsDraft({
    toDraft,
    labels: SMS_LABELS,
    saved: 'Text message settings saved',
    onSaved: () => setToken(''),
  });
  if (settings.isError) return <Alert color="red">{settings.error.message}</Alert>;
  if (!settings.data || !draft) return null;
  const s = settings.data;
  const save = (authToken?: string | null) => {
    send({
      smsAccountSid: orNull(draft.smsAccountSid),
      smsFromNumber: orNull(draft.smsFromNumber),
      smsApiBaseUrl: orNull(draft.smsApiBaseUrl),
      smsSendFrom: draft.smsSendFrom,
      smsSendUntil: draft.smsSendUntil,
      ...(authToken !== undefined ? { smsAuthToken: authToken } : {}),
    });
  };
  const base = (s.publicUrl ?? window.location.origin).replace(/\/+$/, '');
  return (
    <Paper withBorder p="md" data-testid="sms-settings">
      <Stack gap="sm">
        <Group gap="xs">
          <Title order={2} size="h4">
            Text messages
          </Title>
          <Badge color={s.smsReady ? 'green' : 'gray'} variant="light">
            {s.smsReady ? 'set up' : 'not set up'}
          </Badge>
        </Group>
        <Text size="sm">
          Reminders under a text rule and the chart's text box go through this account (a Twilio-compatible provider), only to patients who
          agreed to texts. Replies go to <code>{base}/api/sms/inbound</code>: enter it as the number's messaging webhook at the provider.
        </Text>
        {saving.error && (
          <Alert color="red" role="alert">
            {saving.error}
          </Alert>
        )}
        <Group align="flex-start">
          <TextInput
            label="Account SID"
            placeholder="AC…"
            value={draft.smsAccountSid}
            onChange={(e) => set({ smsAccountSid: e.currentTarget.value })}
            error={errors.smsAccountSid}
            w={320}
            autoComplete="off"
          />
          <PasswordInput
            label={s.smsAuthTokenSet ? 'New auth token' : 'Auth token'}
            description={s.smsAuthTokenSet ? 'A token is stored; leave empty to keep it' : 'Never shown again once saved'}
            value={token}
            onChange={(e) => setToken(e.currentTarget.value)}
            error={errors.smsAuthToken}
            autoComplete="new-password"
            w={260}
          />
        </Group>
        <Group align="flex-start">
          <TextInput
            label="Practice number"
            description="E.164, e.g. +13035550100"
            value={draft.smsFromNumber}
            onChange={(e) => set({ smsFromNumber: e.currentTarget.value })}
            error={errors.smsFromNumber}
            w={220}
          />
          <TextInput
            label="API address"
            description="Empty: https://api.twilio.com"
            value={draft.smsApiBaseUrl}
            onChange={(e) => set({ smsApiBaseUrl: e.currentTarget.value })}
            error={errors.smsApiBaseUrl}
            w={320}
          />
        </Group>
        <Group align="flex-start">
          <TextInput
            type="time"
            label="Texts from"
            description="Local time of each location"
            value={draft.smsSendFrom}
            onChange={(e) => set({ smsSendFrom: e.currentTarget.value })}
            error={errors.smsSendFrom}
            w={160}
          />
          <TextInput
            type="time"
            label="Texts until"
            description="Later texts wait for the morning"
            value={draft.smsSendUntil}
            onChange={(e) => set({ smsSendUntil: e.currentTarget.value })}
            error={errors.smsSendUntil}
            w={200}
          />
        </Group>
        <Group>
          <Button onClick={() => save(token ? token : undefined)} loading={saving.busy}>
            Save text settings
          </Button>
          {s.smsAuthTokenSet && (
            <Button variant="subtle" color="red" onClick={() => save(null)}>
              Clear auth token
            </Button>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}
