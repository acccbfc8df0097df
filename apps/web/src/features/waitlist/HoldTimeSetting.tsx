/** How long a waiting-list offer holds its slot before it goes to the next patient (settings:manage). */
import { Alert, Button, Group, NumberInput, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { toProblem } from '../../api/problem.ts';

export function HoldTimeSetting() {
  const queryClient = useQueryClient();
  const settings = useQuery({ queryKey: ['waitlist-settings'], queryFn: () => unwrap(api.GET('/api/waitlist/settings')) });
  const [minutes, setMinutes] = useState<number | string>('');
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => {
    if (settings.data) setMinutes(settings.data.offerMinutes);
  }, [settings.data]);
  const save = async () => {
    setFailure(null);
    const { data, error, response } = await api.PATCH('/api/waitlist/settings', { body: { offerMinutes: Number(minutes) } });
    if (!data) {
      const p = toProblem(error, response.status);
      return setFailure([p.detail, ...(p.errors ?? []).map((e) => e.message)].join(': '));
    }
    queryClient.setQueryData(['waitlist-settings'], data);
    notifications.show({ color: 'green', message: `Offers now hold their slot for ${data.offerMinutes} minutes` });
  };
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
          <Button onClick={() => void save()}>Save</Button>
        </Group>
        <Text size="xs" c="dimmed">
          5 minutes to 24 hours. When an offer expires, the slot goes to the next patient on the list.
        </Text>
      </Stack>
    </Paper>
  );
}
