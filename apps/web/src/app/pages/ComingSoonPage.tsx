import { Stack, Text, Title } from '@mantine/core';

/** Placeholder for a module that is not built yet. */
export function ComingSoonPage({ module }: { module: string }) {
  return (
    <Stack gap="xs">
      <Title order={1}>{module}</Title>
      <Text c="dimmed">This module is coming soon.</Text>
    </Stack>
  );
}
