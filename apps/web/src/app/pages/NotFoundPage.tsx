import { Anchor, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';

/** Any client route no module claims. */
export function NotFoundPage() {
  return (
    <Stack gap="xs">
      <Title order={1}>Page not found</Title>
      <Text>There is no page at this address.</Text>
      <Anchor component={Link} to="/">
        Go to the dashboard
      </Anchor>
    </Stack>
  );
}
