/** One account: roles per location, sign-up link, MFA reset, sign-in unlock, deactivation, open sessions. */
import { Alert, Badge, Button, Divider, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { api } from '../../../api/client.ts';
import { type ApiResult, useSubmit } from '../../../api/use-submit.ts';
import { InviteLink } from './InviteLink.tsx';
import { userKeys } from './query-keys.ts';
import { RolesEditor } from './RolesEditor.tsx';
import { UserSessions } from './UserSessions.tsx';
import type { Invite, RoleAssignment, StaffUser } from './users-api.ts';

export function UserDetail({ user, canManage, onChanged }: { user: StaffUser; canManage: boolean; onChanged: (u: StaffUser) => void }) {
  const [roles, setRoles] = useState<RoleAssignment[]>(user.roles);
  const [invite, setInvite] = useState<Invite | null>(null);
  /** Which action runs (its button spins). */
  const [running, setRunning] = useState<string | null>(null);
  const id = { params: { path: { id: user.id } } };

  // Every action changes the account as listed (and may end its sessions).
  const action = useSubmit((call: () => Promise<ApiResult<unknown>>) => call(), {
    invalidate: [userKeys.all],
    onProblem: (problem) => problem.detail,
  });
  const failure = action.error;
  const busy = action.busy ? running : null;
  const run = async <T,>(what: string, call: () => Promise<ApiResult<T>>, after: (data: T) => void) => {
    setRunning(what);
    const outcome = await action.submit(call);
    if (outcome.ok) after(outcome.data as T);
  };
  const changed = (u: StaffUser) => {
    setRoles(u.roles);
    onChanged(u);
  };
  const confirmThen = (message: string, fn: () => void) => {
    if (window.confirm(message)) fn();
  };

  return (
    <Stack>
      <Group gap="xs">
        <Text fw={500}>{user.email}</Text>
        {user.active ? <Badge color="green">Active</Badge> : <Badge color="gray">Deactivated</Badge>}
        {user.mfaEnabled && <Badge color="blue">MFA on</Badge>}
        {!user.hasPassword && <Badge color="yellow">Invited</Badge>}
        {user.signInLockedUntil && <Badge color="red">Locked out</Badge>}
      </Group>
      {user.signInLockedUntil && (
        <Text size="sm" c="dimmed">
          Too many failed sign-ins: locked until {new Date(user.signInLockedUntil).toLocaleTimeString()} unless you unlock the account.
        </Text>
      )}
      {failure && (
        <Alert color="red" role="alert">
          {failure}
        </Alert>
      )}
      <Title order={3} size="h4">
        Roles
      </Title>
      {canManage && user.active ? (
        <>
          <RolesEditor value={roles} onChange={setRoles} />
          <Button
            w="fit-content"
            loading={busy === 'roles'}
            onClick={() => void run('roles', () => api.PUT('/api/users/{id}/roles', { ...id, body: { roles } }), changed)}
          >
            Save roles
          </Button>
        </>
      ) : (
        <Text size="sm">{user.roles.map((r) => r.role).join(', ') || 'No roles'}</Text>
      )}
      {canManage && user.active && (
        <>
          <Divider />
          <Title order={3} size="h4">
            Access
          </Title>
          {invite && <InviteLink invite={invite} />}
          <Group>
            {user.signInLockedUntil && (
              <Button
                variant="light"
                color="green"
                loading={busy === 'unlock'}
                onClick={() => void run('unlock', () => api.POST('/api/users/{id}/unlock', id), changed)}
              >
                Unlock sign-in
              </Button>
            )}
            <Button
              variant="light"
              loading={busy === 'invite'}
              onClick={() =>
                user.hasPassword
                  ? confirmThen(
                      `Issue a new password link for ${user.displayName}? They are signed out everywhere and told by email.`,
                      () => void run('invite', () => api.POST('/api/users/{id}/invite', id), setInvite),
                    )
                  : void run('invite', () => api.POST('/api/users/{id}/invite', id), setInvite)
              }
            >
              {user.hasPassword ? 'New password link' : 'New invite link'}
            </Button>
            <Button
              variant="light"
              color="orange"
              disabled={!user.mfaEnabled}
              loading={busy === 'mfa'}
              onClick={() =>
                confirmThen(
                  `Reset two-step sign-in for ${user.displayName}? They are signed out everywhere, told by email, and enrol again.`,
                  () => void run('mfa', () => api.POST('/api/users/{id}/reset-mfa', id), changed),
                )
              }
            >
              Reset MFA
            </Button>
            <Button
              variant="light"
              color="red"
              loading={busy === 'deactivate'}
              onClick={() =>
                confirmThen(
                  `Deactivate ${user.displayName}? They are signed out everywhere at once.`,
                  () => void run('deactivate', () => api.POST('/api/users/{id}/deactivate', id), changed),
                )
              }
            >
              Deactivate
            </Button>
          </Group>
          <Divider />
          <Title order={3} size="h4">
            Open sessions
          </Title>
          <UserSessions userId={user.id} />
        </>
      )}
    </Stack>
  );
}
