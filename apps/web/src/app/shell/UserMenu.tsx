import { Button, Kbd, Menu, Text } from '@mantine/core';
import { IconChevronDown, IconKeyboard, IconLogout, IconUserCircle } from '@tabler/icons-react';
import { useNavigate } from 'react-router';
import { signOut } from '../../features/auth/sign-out.ts';
import { useCurrentUser } from '../../features/auth/use-me.ts';
import { ROLE_LABELS } from '../role-labels.ts';
import { setKeyboardHelpOpen } from '../shortcuts.ts';

/** Who is signed in, with which roles, and the way out. Narrow: the button is the icon alone, named for the user. */
export function UserMenu({ narrow = false }: { narrow?: boolean }) {
  const me = useCurrentUser();
  const navigate = useNavigate();
  const roles = [...new Set(me.user.roles.map((r) => ROLE_LABELS[r.role]))].join(', ');
  return (
    <Menu position="bottom-end" width={240}>
      <Menu.Target>
        {narrow ? (
          <Button
            variant="subtle"
            px={6}
            aria-label={me.user.displayName}
            title={me.user.displayName}
            rightSection={<IconChevronDown size={14} />}
          >
            <IconUserCircle size={22} aria-hidden />
          </Button>
        ) : (
          <Button variant="subtle" leftSection={<IconUserCircle size={18} />} rightSection={<IconChevronDown size={14} />}>
            {me.user.displayName}
          </Button>
        )}
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>Signed in as</Menu.Label>
        <Text px="sm" size="sm" fw={500}>
          {me.user.email}
        </Text>
        <Text px="sm" pb="xs" size="xs" c="dimmed" data-testid="user-roles">
          {roles}
        </Text>
        <Menu.Divider />
        <Menu.Item leftSection={<IconKeyboard size={16} />} rightSection={<Kbd size="xs">?</Kbd>} onClick={() => setKeyboardHelpOpen(true)}>
          Keyboard shortcuts
        </Menu.Item>
        <Menu.Item leftSection={<IconLogout size={16} />} onClick={() => void signOut(() => navigate('/login', { replace: true }))}>
          Sign out
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
