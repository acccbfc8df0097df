/** The practice's schedule settings (settings:manage): patient names in calendar feeds, and the automatic no-show delay. */
import { Alert, Button, Group, NumberInput, Paper, Stack, Switch, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { useSubmit } from '../../api/use-submit.ts';
import { organizationKeys } from '../admin/users/query-keys.ts';

export function ScheduleSettingsCard() {
  const queryClient = useQueryClient();
  const settings = useQuery({ queryKey: organizationKeys.settings(), queryFn: () => unwrap(api.GET('/api/organization/settings')) });
  const [showNames, setShowNames] = useState(false);
  const [noShowMinutes, setNoShowMinutes] = useState<number | string>(30);
  useEffect(() => {
    if (!settings.data) return;
    setShowNames(settings.data.icalShowPatientNames);
    setNoShowMinutes(settings.data.noShowAfterMinutes);
  }, [settings.data]);

  const saving = useSubmit(
    // Only this card's fields: the security settings are left as they are.
    () => api.PATCH('/api/organization/settings', { body: { icalShowPatientNames: showNames, noShowAfterMinutes: Number(noShowMinutes) } }),
    {
      onSuccess: (saved) => {
        queryClient.setQueryData(organizationKeys.settings(), saved);
        notifications.show({ color: 'green', message: 'Schedule settings saved' });
      },
      onProblem: (problem) => problem.detail,
    },
  );
  const failure = saving.error;

  if (!settings.data) return null;
  return (
    <Paper withBorder p="md" data-testid="schedule-settings">
      <Stack gap="sm">
        <Title order={2} size="h4">
          Practice schedule settings
        </Title>
        {failure && (
          <Alert color="red" role="alert">
            {failure}
          </Alert>
        )}
        <Switch
          label="Show patient names in providers' calendar feeds"
          description="Feeds are read by phones and outside calendar services; off shows only the visit type."
          checked={showNames}
          onChange={(e) => setShowNames(e.currentTarget.checked)}
        />
        <Group align="end">
          <NumberInput
            label="Mark as no-show after (minutes past the start)"
            min={5}
            max={240}
            allowDecimal={false}
            value={noShowMinutes}
            onChange={setNoShowMinutes}
            w={320}
          />
          <Button onClick={() => void saving.submit()}>Save</Button>
        </Group>
        <Text size="xs" c="dimmed">
          5 to 240 minutes. Visits booked from now on use the new delay.
        </Text>
      </Stack>
    </Paper>
  );
}
