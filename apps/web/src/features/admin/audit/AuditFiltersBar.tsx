/**
 * Filters of the trail: user, patient (found by name), action and time range on the clinic's
 * clock; the CSV export takes the same ones.
 */
import { Button, Group, Select, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconDownload } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useCan } from '../../auth/use-me.ts';
import { patientSearchQuery } from '../../patients/patients-api.ts';
import { staffListQuery } from '../users/users-api.ts';
import { ACTIONS, type AuditFilters, exportHref } from './audit-api.ts';

/** Search the registry by name (GET /api/patients?q=) and pick one; the trail filters on its id. */
function PatientFilter({ value, onChange }: { value: AuditFilters; onChange: (patch: Partial<AuditFilters>) => void }) {
  const can = useCan();
  const [search, setSearch] = useState(value.patientLabel);
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const typing = debounced.length >= 2 && debounced !== value.patientLabel;
  const results = useQuery({ ...patientSearchQuery(debounced, 10), enabled: typing && can('patient:read') });
  const options = (results.data?.items ?? []).map((p) => ({
    value: p.id,
    label: `${p.givenName} ${p.familyName} (born ${p.birthDate})`,
  }));
  // The chosen patient stays an option, so the field keeps showing its name.
  if (value.patientId && !options.some((o) => o.value === value.patientId))
    options.unshift({ value: value.patientId, label: value.patientLabel });
  return (
    <Select
      label="Patient"
      placeholder="Type a name"
      clearable
      searchable
      w={280}
      data={options}
      filter={({ options: all }) => all}
      searchValue={search}
      onSearchChange={setSearch}
      nothingFoundMessage={typing && results.isSuccess ? 'No patient matches' : undefined}
      value={value.patientId || null}
      onChange={(id, option) => onChange({ patientId: id ?? '', patientLabel: id ? (option?.label ?? '') : '' })}
      data-testid="audit-patient-filter"
    />
  );
}

export function AuditFiltersBar({
  value,
  zone,
  onChange,
}: {
  value: AuditFilters;
  /** The clinic's zone: From and To are typed on its clock. */
  zone: string;
  onChange: (f: AuditFilters) => void;
}) {
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
      <PatientFilter value={value} onChange={set} />
      <Select
        label="Action"
        placeholder="Any"
        clearable
        w={150}
        data={ACTIONS}
        value={value.action || null}
        onChange={(v) => set({ action: v ?? '' })}
      />
      <TextInput
        label="From"
        description={zone}
        type="datetime-local"
        value={value.from}
        onChange={(e) => set({ from: e.currentTarget.value })}
      />
      <TextInput
        label="To"
        description={zone}
        type="datetime-local"
        value={value.to}
        onChange={(e) => set({ to: e.currentTarget.value })}
      />
      <Button component="a" href={exportHref(value, zone)} variant="default" leftSection={<IconDownload size={16} />}>
        Export CSV
      </Button>
    </Group>
  );
}
