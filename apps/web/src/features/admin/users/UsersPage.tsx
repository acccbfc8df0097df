/** Admin → Users: staff accounts, add or invite, then per account roles, MFA reset, deactivation and sessions. */
import { Alert, Badge, Button, Drawer, Group, Loader, Modal, Stack, Switch, Table, Text, TextInput, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useCan } from '../../auth/use-me.ts';
import { InviteLink } from './InviteLink.tsx';
import { SecuritySettings } from './SecuritySettings.tsx';
import { UserDetail } from './UserDetail.tsx';
import { UserForm } from './UserForm.tsx';
import { ROLE_LABELS } from '../../../app/role-labels.ts';
import { type Invite, type StaffUser, staffListQuery } from './users-api.ts';

export function UsersPage() {
  const can = useCan();
  const [includeInactive, setIncludeInactive] = useState(false);
  const [q, setQ] = useState('');
  const [adding, setAdding] = useState(false);
  const [created, setCreated] = useState<{ user: StaffUser; invite: Invite } | null>(null);
  const [open, setOpen] = useState<StaffUser | null>(null);
  const list = useQuery(staffListQuery({ includeInactive, q }));
  const canManage = can('user:manage');

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>Users</Title>
        {canManage && (
          <Button leftSection={<IconPlus size={16} />} onClick={() => setAdding(true)}>
            Add user
          </Button>
        )}
      </Group>
      {can('settings:manage') && <SecuritySettings />}
      {created && (
        <Stack gap={4}>
          <Text size="sm">{created.user.displayName} was added.</Text>
          <InviteLink invite={created.invite} />
        </Stack>
      )}
      <Group>
        <TextInput
          placeholder="Search name or email"
          aria-label="Search users"
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
          w={280}
        />
        <Switch label="Show deactivated" checked={includeInactive} onChange={(e) => setIncludeInactive(e.currentTarget.checked)} />
      </Group>
      {list.isPending && <Loader aria-label="Loading users" />}
      {list.isError && <Alert color="red">{list.error.message}</Alert>}
      {list.data && (
        <Table.ScrollContainer minWidth={800}>
          <Table striped highlightOnHover verticalSpacing="sm" aria-label="Users">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>Email</Table.Th>
                <Table.Th>Roles</Table.Th>
                <Table.Th>MFA</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>
                  <span className="visually-hidden">Actions</span>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.items.map((u) => (
                <Table.Tr key={u.id}>
                  <Table.Td>
                    <Text fw={500}>{u.displayName}</Text>
                  </Table.Td>
                  <Table.Td>{u.email}</Table.Td>
                  <Table.Td>{[...new Set(u.roles.map((r) => ROLE_LABELS[r.role]))].join(', ')}</Table.Td>
                  <Table.Td>{u.mfaEnabled ? <Badge color="blue">On</Badge> : <Badge color="gray">Off</Badge>}</Table.Td>
                  <Table.Td>
                    {!u.active ? (
                      <Badge color="gray">Deactivated</Badge>
                    ) : u.hasPassword ? (
                      <Badge color="green">Active</Badge>
                    ) : (
                      <Badge color="yellow">Invited</Badge>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Button size="xs" variant="light" onClick={() => setOpen(u)} aria-label={`Open ${u.displayName}`}>
                      Open
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Modal opened={adding} onClose={() => setAdding(false)} title="Add user" size="lg">
        {adding && (
          <UserForm
            onCancel={() => setAdding(false)}
            onCreated={(user, invite) => {
              setAdding(false);
              setCreated(invite ? { user, invite } : null);
            }}
          />
        )}
      </Modal>
      <Drawer opened={open !== null} onClose={() => setOpen(null)} title={open?.displayName} position="right" size="lg">
        {open && <UserDetail key={open.id} user={open} canManage={canManage} onChanged={setOpen} />}
      </Drawer>
    </Stack>
  );
}
