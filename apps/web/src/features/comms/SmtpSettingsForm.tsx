/**
 * The practice's outgoing mail server (settings:manage). The password is write-only: the
 * form shows whether one is stored and sends a new one only when typed, or null to clear it.
 */
import { Alert, Badge, Button, Group, NumberInput, Paper, PasswordInput, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { type CommsSettings, SOURCE_LABELS } from './comms-api.ts';
import { orNull, useSettingsDraft } from './use-settings-draft.ts';

interface Draft {
  smtpHost: string;
  smtpPort: number | string;
  smtpSecure: boolean;
  smtpUser: string;
  smtpFrom: string;
  publicUrl: string;
}

const toDraft = (s: CommsSettings): Draft => ({
  smtpHost: s.smtpHost ?? '',
  smtpPort: s.smtpPort ?? '',
  smtpSecure: s.smtpSecure,
  smtpUser: s.smtpUser ?? '',
  smtpFrom: s.smtpFrom ?? '',
  publicUrl: s.publicUrl ?? '',
});

/** The settings' field paths by their labels on this form. */
const SMTP_LABELS: Record<string, string> = {
  smtpHost: 'SMTP host',
  smtpPort: 'Port',
  smtpSecure: 'TLS from the start',
  smtpUser: 'User',
  smtpFrom: 'From',
  smtpPassword: 'Password',
  publicUrl: 'Link address',
};

export function SmtpSettingsForm() {
  const [newPassword, setNewPassword] = useState('');
  const [replacing, setReplacing] = useState(false);
  const {
    settings,
    draft,
    errors,
    saving,
    set,
    save: send,
  } = useSettingsDraft({
    toDraft,
    labels: SMTP_LABELS,
    saved: 'Mail settings saved',
    onSaved: () => {
      setNewPassword('');
      setReplacing(false);
    },
    names: (path) => path in SMTP_LABELS && path !== 'smtpSecure',
  });
  const failure = saving.error;
  const save = (password?: string | null) => {
    if (!draft) return;
    send({
      smtpHost: orNull(draft.smtpHost),
      smtpPort: draft.smtpPort === '' ? null : Number(draft.smtpPort),
      smtpSecure: draft.smtpSecure,
      smtpUser: orNull(draft.smtpUser),
      smtpFrom: orNull(draft.smtpFrom),
      publicUrl: orNull(draft.publicUrl),
      ...(password !== undefined ? { smtpPassword: password } : {}),
    });
  };

  if (settings.isError) return <Alert color="red">{settings.error.message}</Alert>;
  if (!settings.data || !draft) return null;
  const passwordSet = settings.data.smtpPasswordSet;
  return (
    <Paper withBorder p="md" data-testid="smtp-settings">
      <Stack gap="sm">
        <Title order={2} size="h4">
          Outgoing mail
        </Title>
        <Text size="sm">Reminders and waiting-list offers go out through {SOURCE_LABELS[settings.data.effectiveSource]}.</Text>
        {failure && (
          <Alert color="red" role="alert">
            {failure}
          </Alert>
        )}
        <Group align="flex-start">
          <TextInput
            label="SMTP host"
            placeholder="smtp.example.org"
            value={draft.smtpHost}
            onChange={(e) => set({ smtpHost: e.currentTarget.value })}
            error={errors.smtpHost}
            w={260}
          />
          <NumberInput
            label="Port"
            placeholder="587"
            min={1}
            max={65535}
            value={draft.smtpPort}
            onChange={(v) => set({ smtpPort: v })}
            error={errors.smtpPort}
            w={110}
          />
          <Switch
            mt={32}
            label="TLS from the start (port 465)"
            checked={draft.smtpSecure}
            onChange={(e) => set({ smtpSecure: e.currentTarget.checked })}
          />
        </Group>
        <Group align="flex-start">
          <TextInput
            label="User"
            value={draft.smtpUser}
            onChange={(e) => set({ smtpUser: e.currentTarget.value })}
            error={errors.smtpUser}
            w={260}
            autoComplete="off"
          />
          <TextInput
            label="From"
            placeholder="Front desk <frontdesk@clinic.example.org>"
            value={draft.smtpFrom}
            onChange={(e) => set({ smtpFrom: e.currentTarget.value })}
            error={errors.smtpFrom}
            w={340}
          />
        </Group>
        <Stack gap={4}>
          <Group gap="xs">
            <Text size="sm" fw={500}>
              Password
            </Text>
            {passwordSet ? (
              <Badge color="green" variant="light" data-testid="smtp-password-state">
                stored
              </Badge>
            ) : (
              <Badge color="gray" variant="light" data-testid="smtp-password-state">
                not set
              </Badge>
            )}
          </Group>
          {replacing || !passwordSet ? (
            <Group align="flex-end">
              <PasswordInput
                label={passwordSet ? 'New password' : 'Password'}
                description="Never shown again once saved"
                value={newPassword}
                onChange={(e) => setNewPassword(e.currentTarget.value)}
                error={errors.smtpPassword}
                autoComplete="new-password"
                w={260}
              />
              {passwordSet && (
                <Button
                  variant="subtle"
                  onClick={() => {
                    setReplacing(false);
                    setNewPassword('');
                  }}
                >
                  Keep the stored one
                </Button>
              )}
            </Group>
          ) : (
            <Group gap="xs">
              <Button size="compact-sm" variant="light" onClick={() => setReplacing(true)}>
                Replace password
              </Button>
              <Button size="compact-sm" variant="subtle" color="red" onClick={() => save(null)}>
                Clear password
              </Button>
            </Group>
          )}
        </Stack>
        <TextInput
          label="Link address"
          description="Scheme and host patients' one-click links open, e.g. https://clinic.example.org"
          value={draft.publicUrl}
          onChange={(e) => set({ publicUrl: e.currentTarget.value })}
          error={errors.publicUrl}
          w={420}
        />
        <Group>
          <Button onClick={() => save(newPassword ? newPassword : undefined)}>Save mail settings</Button>
        </Group>
      </Stack>
    </Paper>
  );
}
