import { Stack, Text, Title } from '@mantine/core';

/** A route the user's role does not grant at this location (the server refuses it too). */
export function ForbiddenPage() {
  return (
    <Stack gap="xs">
      <Title order={1}>Not available</Title>
      <Text>Your role does not give access to this page at the selected location.</Text>
    </Stack>
  );
}
