/** How long a waiting-list offer holds its slot before it goes to the next patient (settings:manage). */
import { Alert, Button, Group, NumberInput, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { useSubmit } from '../../api/use-submit.ts';
import { waitlistKeys } from './query-keys.ts';

export function HoldTimeSetting() {
  const queryClient = useQueryClient();
  const settings = useQuery({ queryKey: waitlistKeys.settings(), queryFn: () => unwrap(api.GET('/api/waitlist/settings')) });
  const [minutes, setMinutes] = useState<number | string>('');
  useEffect(() => {
    if (settings.data) setMinutes(settings.data.offerMinutes);
  }, [settings.data]);
  const saving = useSubmit(() => api.PATCH('/api/waitlist/settings', { body: { offerMinutes: Number(minutes) } }), {
    onSuccess: (saved) => {
      queryClient.setQueryData(waitlistKeys.settings(), saved);
      notifications.show({ color: 'green', message: `Offers now hold their slot for ${saved.offerMinutes} minutes` });
    },
    onProblem: (p) => [p.detail, ...(p.errors ?? []).map((e) => e.message)].join(': '),
  });
  const failure = saving.error;
  if (!settings.data) return null;
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={2} size="h4">
          Offer hold time
        </Title>
        {failure && (
          <Alert color="red" role="alert">
            {failure}
          </Alert>
        )}
        <Group align="flex-end">
          <NumberInput label="Minutes an offer holds the slot" min={5} max={1440} value={minutes} onChange={setMinutes} w={260} />
          <Button onClick={() => void saving.submit()}>Save</Button>
        </Group>
        <Text size="xs" c="dimmed">
          5 minutes to 24 hours. When an offer expires, the slot goes to the next patient on the list.
        </Text>
      </Stack>
    </Paper>
  );
}
