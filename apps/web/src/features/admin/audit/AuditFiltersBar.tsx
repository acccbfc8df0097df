/** Filters of the trail: user, patient, action and time range; the CSV export takes the same ones. */
import { Button, Group, Select, TextInput } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useCan } from '../../auth/use-me.ts';
import { staffListQuery } from '../users/users-api.ts';
import { ACTIONS, type AuditFilters, exportHref } from './audit-api.ts';

export function AuditFiltersBar({ value, onChange }: { value: AuditFilters; onChange: (f: AuditFilters) => void }) {
  const can = useCan();
  const users = useQuery({ ...staffListQuery({ includeInactive: true, q: '' }), enabled: can('user:read') });
  const set = (patch: Partial<AuditFilters>) => onChange({ ...value, ...patch });
  return (
    <Group align="flex-end">
      <Select
        label="User"
        placeholder="Anyone"
        clearable
        searchable
        w={220}
        data={(users.data?.items ?? []).map((u) => ({ value: u.id, label: `${u.displayName} (${u.email})` }))}
        value={value.userId || null}
        onChange={(v) => set({ userId: v ?? '' })}
      />
      <TextInput
        label="Patient id"
        placeholder="uuid"
        w={300}
        value={value.patientId}
        onChange={(e) => set({ patientId: e.currentTarget.value })}
      />
      <Select
        label="Action"
        placeholder="Any"
        clearable
        w={150}
        data={ACTIONS}
        value={value.action || null}
        onChange={(v) => set({ action: v ?? '' })}
      />
      <TextInput label="From" type="datetime-local" value={value.from} onChange={(e) => set({ from: e.currentTarget.value })} />
      <TextInput label="To" type="datetime-local" value={value.to} onChange={(e) => set({ to: e.currentTarget.value })} />
      <Button component="a" href={exportHref(value)} variant="default" leftSection={<IconDownload size={16} />}>
        Export CSV
      </Button>
    </Group>
  );
}
