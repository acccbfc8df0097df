/** The practice's MFA requirement and idle timeout (settings:manage). */
import { Alert, Button, Group, NumberInput, Paper, Stack, Switch, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { api, unwrap } from '../../../api/client.ts';
import { useSubmit } from '../../../api/use-submit.ts';
import { organizationKeys } from './query-keys.ts';

export function SecuritySettings() {
  const queryClient = useQueryClient();
  const settings = useQuery({ queryKey: organizationKeys.settings(), queryFn: () => unwrap(api.GET('/api/organization/settings')) });
  const [requireMfa, setRequireMfa] = useState(false);
  const [idleMinutes, setIdleMinutes] = useState<number | string>(15);
  useEffect(() => {
    if (!settings.data) return;
    setRequireMfa(settings.data.requireMfa);
    setIdleMinutes(Math.round(settings.data.idleTimeoutSeconds / 60));
  }, [settings.data]);

  const saving = useSubmit(
    () => api.PATCH('/api/organization/settings', { body: { requireMfa, idleTimeoutSeconds: Number(idleMinutes) * 60 } }),
    {
      onSuccess: (saved) => {
        queryClient.setQueryData(organizationKeys.settings(), saved);
        notifications.show({ color: 'green', message: 'Security settings saved' });
      },
      onProblem: (problem) => problem.detail,
    },
  );
  const failure = saving.error;

  if (!settings.data) return null;
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={2} size="h4">
          Security settings
        </Title>
        {settings.data.requireMfa && settings.data.requireMfaForcedOff && (
          <Alert color="yellow">This installation runs with CLINICDESK_REQUIRE_MFA=0: MFA is not enforced (development only).</Alert>
        )}
        {failure && (
          <Alert color="red" role="alert">
            {failure}
          </Alert>
        )}
        <Switch
          label="Require two-step sign-in for administrators, office managers and billers"
          checked={requireMfa}
          onChange={(e) => setRequireMfa(e.currentTarget.checked)}
        />
        <Group align="end">
          <NumberInput label="Sign out after inactivity (minutes)" min={1} max={30} value={idleMinutes} onChange={setIdleMinutes} w={260} />
          <Button onClick={() => void saving.submit()}>Save</Button>
        </Group>
        <Text size="xs" c="dimmed">
          At most 30 minutes. A new timeout applies to sessions started after the change.
        </Text>
      </Stack>
    </Paper>
  );
}
