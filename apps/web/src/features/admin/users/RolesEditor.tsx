/** Roles per location: each row is a role at one location, or at all of them. */
import { ActionIcon, Button, Group, Select, Stack } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { allLocationsQuery } from '../locations/locations-api.ts';
import { ROLE_LABELS } from '../../../app/role-labels.ts';
import type { RoleAssignment } from './users-api.ts';

const ALL = '__all__';

export function RolesEditor({
  value,
  onChange,
  error,
}: {
  value: RoleAssignment[];
  onChange: (v: RoleAssignment[]) => void;
  error?: string | undefined;
}) {
  const locations = useQuery(allLocationsQuery());
  const locationOptions = [
    { value: ALL, label: 'All locations' },
    ...(locations.data?.items ?? []).map((l) => ({ value: l.id, label: l.name })),
  ];
  const roleOptions = Object.entries(ROLE_LABELS).map(([v, label]) => ({ value: v, label }));
  const set = (i: number, patch: Partial<RoleAssignment>) => onChange(value.map((r, j) => (j === i ? { ...r, ...patch } : r)));

  return (
    <Stack gap="xs">
      {value.map((r, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity besides their position while being edited
        <Group key={i} align="end" wrap="nowrap">
          <Select
            label={i === 0 ? 'Role' : undefined}
            aria-label={`Role ${i + 1}`}
            data={roleOptions}
            value={r.role}
            allowDeselect={false}
            onChange={(v) => v && set(i, { role: v as RoleAssignment['role'] })}
          />
          <Select
            label={i === 0 ? 'Where' : undefined}
            aria-label={`Location of role ${i + 1}`}
            data={locationOptions}
            value={r.locationId ?? ALL}
            allowDeselect={false}
            onChange={(v) => set(i, { locationId: !v || v === ALL ? null : v })}
          />
          <ActionIcon
            variant="subtle"
            color="red"
            aria-label={`Remove role ${i + 1}`}
            onClick={() => onChange(value.filter((_, j) => j !== i))}
            mb={4}
          >
            <IconTrash size={16} />
          </ActionIcon>
        </Group>
      ))}
      <Button
        variant="subtle"
        size="compact-sm"
        w="fit-content"
        leftSection={<IconPlus size={14} />}
        onClick={() => onChange([...value, { role: 'front_desk', locationId: null }])}
      >
        Add role
      </Button>
      {error && (
        <span role="alert" style={{ color: 'var(--mantine-color-error)', fontSize: 'var(--mantine-font-size-sm)' }}>
          {error}
        </span>
      )}
    </Stack>
  );
}
