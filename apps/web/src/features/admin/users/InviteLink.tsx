import { Alert, Button, Code, CopyButton, Stack, Text } from '@mantine/core';
import { type Invite, inviteLink } from './users-api.ts';

/** A one-time link, shown once: the administrator passes it on (it works once, for 7 days). */
export function InviteLink({ invite }: { invite: Invite }) {
  const link = inviteLink(invite);
  return (
    <Alert color="blue" title="One-time sign-up link">
      <Stack gap="xs">
        <Text size="sm">
          Send this link to the person; it lets them choose a password once, until {new Date(invite.expiresAt).toLocaleString()}. It is not
          shown again.
        </Text>
        <Code block data-testid="invite-link">
          {link}
        </Code>
        <CopyButton value={link}>
          {({ copied, copy }) => (
            <Button size="xs" variant="light" w="fit-content" onClick={copy}>
              {copied ? 'Copied' : 'Copy link'}
            </Button>
          )}
        </CopyButton>
      </Stack>
    </Alert>
  );
}
