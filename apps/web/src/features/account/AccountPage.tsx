/** Account: change your password; set up two-step sign-in (TOTP). */
import { Badge, Divider, Group, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { authKeys } from '../auth/query-keys.ts';
import { useCurrentUser } from '../auth/use-me.ts';
import { MfaSetup } from './MfaSetup.tsx';
import { PasswordForm } from './PasswordForm.tsx';

export function AccountPage() {
  const me = useCurrentUser();
  const queryClient = useQueryClient();
  return (
    <Stack>
      <Title order={1}>Account</Title>
      <Text c="dimmed">{me.user.email}</Text>
      <Title order={2} size="h3">
        Password
      </Title>
      <PasswordForm />
      <Divider />
      <Group>
        <Title order={2} size="h3">
          Two-step sign-in
        </Title>
        {me.user.mfaEnabled ? <Badge color="green">On</Badge> : <Badge color="gray">Off</Badge>}
      </Group>
      {me.user.mfaEnabled ? (
        <Text size="sm">
          Sign-in asks for a code from your authenticator app. Lost your phone? Use a recovery code, or ask an administrator to reset it.
        </Text>
      ) : (
        <MfaSetup onActivated={() => void queryClient.invalidateQueries({ queryKey: authKeys.me() })} />
      )}
    </Stack>
  );
}
