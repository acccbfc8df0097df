import { Stack, Text, Title } from '@mantine/core';
import { useCurrentUser } from '../auth/use-me.ts';

/** Landing page after sign-in; modules will add their summaries here. */
export function DashboardPage() {
  const me = useCurrentUser();
  return (
    <Stack gap="xs">
      <Title order={1}>Dashboard</Title>
      <Text>Welcome, {me.user.displayName}.</Text>
      <Text c="dimmed">Today's summary will appear here as modules are added.</Text>
    </Stack>
  );
}
