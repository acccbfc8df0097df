/**
 * Shown instead of the app while the session owes MFA enrolment (the practice
 * requires it for this role): the server refuses every other page until then.
 */
import { Button, Center, Paper, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { authKeys } from '../auth/query-keys.ts';
import { signOut } from '../auth/sign-out.ts';
import { MfaSetup } from './MfaSetup.tsx';

export function MfaEnrolmentGate() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return (
    <Center mih="100vh" p="md" component="main">
      <Paper withBorder shadow="sm" p="xl" w={520} maw="100%">
        <Stack>
          <Title order={1} size="h2">
            Set up two-step sign-in
          </Title>
          <Text>Your practice requires a one-time code from an authenticator app for your role. Set it up to continue.</Text>
          <MfaSetup onActivated={() => void queryClient.invalidateQueries({ queryKey: authKeys.me() })} />
          <Button variant="subtle" w="fit-content" onClick={() => void signOut(() => navigate('/login', { replace: true }))}>
            Sign out
          </Button>
        </Stack>
      </Paper>
    </Center>
  );
}
