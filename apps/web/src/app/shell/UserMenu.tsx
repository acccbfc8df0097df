import { Button, Menu, Text } from '@mantine/core';
import { IconChevronDown, IconLogout, IconUserCircle } from '@tabler/icons-react';
import { useNavigate } from 'react-router';
import type { Role } from '../../api/types.ts';
import { signOut } from '../../features/auth/sign-out.ts';
import { useCurrentUser } from '../../features/auth/use-me.ts';

const ROLE_NAMES: Record<Role, string> = {
  admin: 'Administrator',
  office_manager: 'Office manager',
  front_desk: 'Front desk',
  biller: 'Biller',
  clinician: 'Clinician',
  nurse: 'Nurse',
};

/** Who is signed in, with which roles, and the way out. */
export function UserMenu() {
  const me = useCurrentUser();
  const navigate = useNavigate();
  const roles = [...new Set(me.user.roles.map((r) => ROLE_NAMES[r.role]))].join(', ');
  return (
    <Menu position="bottom-end" width={240}>
      <Menu.Target>
        <Button variant="subtle" leftSection={<IconUserCircle size={18} />} rightSection={<IconChevronDown size={14} />}>
          {me.user.displayName}
        </Button>
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
        <Menu.Item leftSection={<IconLogout size={16} />} onClick={() => void signOut(() => navigate('/login', { replace: true }))}>
          Sign out
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
