/**
 * The staff directory: everyone's title, home location and supervisor; managers also see and
 * edit the HR fields (hire date, emergency contact).
 */
import { Button, Group, Modal, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { ListTable } from '../../app/ListTable.tsx';
import { ProblemForm } from '../../app/ProblemForm.tsx';
import { useSubmit } from '../../api/use-submit.ts';
import { useLocations } from '../schedule/schedule-api.ts';
import { staffKeys } from './query-keys.ts';
import { type StaffMember, useStaffOptions } from './staff-api.ts';

export function StaffDirectoryPage() {
  const [q, setQ] = useState('');
  const [editing, setEditing] = useState<StaffMember | null>(null);
  const list = useQuery({
    queryKey: staffKeys.directory({ q }),
    queryFn: () => unwrap(api.GET('/api/staff', { params: { query: { limit: 200, ...(q.trim() && { q: q.trim() }) } } })),
  });
  const anyHr = list.data?.items.some((m) => m.hr !== null) ?? false;
  return (
    <Stack>
      <Title order={1}>Staff</Title>
      <TextInput label="Find someone" placeholder="Name or email" value={q} onChange={(e) => setQ(e.currentTarget.value)} maw={360} />
      <ListTable
        aria-label="Staff directory"
        data-testid="staff-list"
        query={list}
        loadingLabel="Loading staff"
        rows={list.data?.items}
        rowKey={(m) => m.userId}
        empty="Nobody matches."
        columns={[
          {
            header: 'Name',
            cell: (m) => (
              <>
                <Text size="sm" fw={500}>
                  {m.name}
                </Text>
                <Text size="xs" c="dimmed">
                  {m.email}
                </Text>
              </>
            ),
          },
          { header: 'Job title', cell: (m) => m.jobTitle || '—' },
          { header: 'Location', cell: (m) => m.locationName ?? '—' },
          { header: 'Supervisor', cell: (m) => m.supervisorName ?? '—' },
          anyHr && { header: 'Hired', cell: (m) => m.hr?.hireDate ?? '—' },
          anyHr && {
            header: 'Emergency contact',
            cell: (m) =>
              m.hr?.emergencyContactName
                ? `${m.hr.emergencyContactName}${m.hr.emergencyContactRelation ? ` (${m.hr.emergencyContactRelation})` : ''} ${m.hr.emergencyContactPhone}`
                : '—',
          },
        ]}
        actions={
          anyHr
            ? (m) =>
                m.hr && (
                  <Button size="compact-sm" variant="light" onClick={() => setEditing(m)} aria-label={`Edit ${m.name}`}>
                    Edit
                  </Button>
                )
            : undefined
        }
      />
      <Modal opened={editing !== null} onClose={() => setEditing(null)} title={editing ? `Profile of ${editing.name}` : ''}>
        {editing && <ProfileForm member={editing} onSaved={() => setEditing(null)} />}
      </Modal>
    </Stack>
  );
}

function ProfileForm(props: { member: StaffMember; onSaved(): void }) {
  const m = props.member;
  const [jobTitle, setJobTitle] = useState(m.jobTitle);
  const [locationId, setLocationId] = useState<string | null>(m.locationId);
  const [supervisorId, setSupervisorId] = useState<string | null>(m.supervisorId);
  const [hireDate, setHireDate] = useState(m.hr?.hireDate ?? '');
  const [contactName, setContactName] = useState(m.hr?.emergencyContactName ?? '');
  const [contactRelation, setContactRelation] = useState(m.hr?.emergencyContactRelation ?? '');
  const [contactPhone, setContactPhone] = useState(m.hr?.emergencyContactPhone ?? '');
  const locations = useLocations();
  const staff = useStaffOptions().filter((o) => o.value !== m.userId);
  const saving = useSubmit(
    () =>
      api.PATCH('/api/staff/{id}', {
        params: { path: { id: m.userId } },
        headers: { 'if-match': `"${m.version}"` },
        body: {
          jobTitle,
          locationId,
          supervisorId,
          hireDate: hireDate || null,
          emergencyContactName: contactName,
          emergencyContactRelation: contactRelation,
          emergencyContactPhone: contactPhone,
        },
      }),
    {
      invalidate: [staffKeys.all],
      onSuccess: () => {
        notifications.show({ color: 'green', message: `Saved the profile of ${m.name}` });
        props.onSaved();
      },
    },
  );
  return (
    <ProblemForm saving={saving} submitLabel="Save profile">
      <TextInput
        label="Job title"
        value={jobTitle}
        onChange={(e) => setJobTitle(e.currentTarget.value)}
        error={saving.errors.jobTitle}
        data-autofocus
      />
      <Select
        label="Home location"
        data={(locations.data?.items ?? []).map((l) => ({ value: l.id, label: l.name }))}
        value={locationId}
        onChange={setLocationId}
        clearable
        error={saving.errors.locationId}
      />
      <Select
        label="Supervisor"
        data={staff}
        value={supervisorId}
        onChange={setSupervisorId}
        searchable
        clearable
        error={saving.errors.supervisorId}
      />
      <TextInput
        type="date"
        label="Hire date"
        value={hireDate}
        onChange={(e) => setHireDate(e.currentTarget.value)}
        error={saving.errors.hireDate}
      />
      <TextInput
        label="Emergency contact"
        value={contactName}
        onChange={(e) => setContactName(e.currentTarget.value)}
        error={saving.errors.emergencyContactName}
      />
      <Group grow>
        <TextInput label="Relationship" value={contactRelation} onChange={(e) => setContactRelation(e.currentTarget.value)} />
        <TextInput
          label="Contact phone"
          type="tel"
          value={contactPhone}
          onChange={(e) => setContactPhone(e.currentTarget.value)}
          error={saving.errors.emergencyContactPhone}
        />
      </Group>
    </ProblemForm>
  );
}
