/**
 * Schedule set-up → Appointment types (practice-wide): the kinds of visit the schedule books.
 * Add one, edit it, take it off the booking lists (Deactivate) and back; inactive types show
 * under "Show inactive". Changing them needs schedule:manage, as the whole set-up screen.
 */
import { Alert, Badge, Button, ColorSwatch, Group, Modal, Stack, Switch, Table, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { problemLine } from '../../api/problem.ts';
import { useSubmit } from '../../api/use-submit.ts';
import { AppointmentTypeForm, typeChanges } from './AppointmentTypeForm.tsx';
import { patientKindLabel, providersLabel, TYPE_LABELS } from './appointment-type-values.ts';
import { scheduleKeys } from './query-keys.ts';
import { type AppointmentType, useProviders } from './schedule-api.ts';

/** Every type, inactive ones too (under the types key, so any type change refreshes it). */
function useAllAppointmentTypes() {
  return useQuery({
    queryKey: [...scheduleKeys.appointmentTypes(), 'with-inactive'],
    queryFn: () => unwrap(api.GET('/api/appointment-types', { params: { query: { includeInactive: 'true' } } })),
    select: (d) => d.items,
  });
}

/** The room kinds of the practice's rooms, every location, in service or not. */
function useRoomKinds() {
  return useQuery({
    queryKey: [...scheduleKeys.rooms(null), 'with-inactive'],
    queryFn: () => unwrap(api.GET('/api/rooms', { params: { query: { includeInactive: 'true' } } })),
    select: (d) => [...new Set(d.items.map((r) => r.kind))].sort(),
  });
}

export function AppointmentTypesSection() {
  const types = useAllAppointmentTypes();
  const providers = useProviders();
  const roomKinds = useRoomKinds();
  const [showInactive, setShowInactive] = useState(false);
  /** The type in the dialog: 'new' for a new one, null when closed. */
  const [editing, setEditing] = useState<AppointmentType | 'new' | null>(null);
  const queryClient = useQueryClient();
  const switching = useSubmit(
    (t: AppointmentType) =>
      api.PATCH('/api/appointment-types/{id}', {
        params: { path: { id: t.id } },
        body: { active: !t.active },
        headers: { 'if-match': `"${t.version}"` },
      }),
    {
      invalidate: typeChanges,
      onProblem: (p) => {
        if (p.status !== 412) return problemLine(p, TYPE_LABELS);
        void queryClient.invalidateQueries({ queryKey: scheduleKeys.appointmentTypes() });
        return 'Someone changed this type meanwhile: the list now shows their version.';
      },
    },
  );
  const shown = (types.data ?? []).filter((t) => showInactive || t.active);
  const editedName = editing === 'new' ? null : editing?.name;
  return (
    <Stack gap="sm" data-testid="appointment-types">
      <Title order={2} size="h4">
        Appointment types
      </Title>
      <Group justify="space-between">
        <Switch label="Show inactive" checked={showInactive} onChange={(e) => setShowInactive(e.currentTarget.checked)} />
        <Button
          onClick={() => {
            switching.reset();
            setEditing('new');
          }}
        >
          Add type
        </Button>
      </Group>
      {switching.error && (
        <Alert color="red" role="alert">
          {switching.error}
        </Alert>
      )}
      {types.isError && <Alert color="red">{types.error.message}</Alert>}
      <Table.ScrollContainer minWidth={1040}>
        <Table striped withTableBorder aria-label="Appointment types">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>Duration</Table.Th>
              <Table.Th>Patients</Table.Th>
              <Table.Th>Room kind</Table.Th>
              <Table.Th>Providers</Table.Th>
              <Table.Th>Buffer</Table.Th>
              <Table.Th>Overbooking</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>
                <span className="visually-hidden">Actions</span>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.map((t) => (
              <Table.Tr key={t.id}>
                <Table.Td miw={180}>
                  <Group gap="xs" wrap="nowrap">
                    <ColorSwatch color={t.color} size={16} aria-hidden />
                    <Stack gap={0}>
                      <Text size="sm" fw={500}>
                        {t.name}
                      </Text>
                      <Text size="xs">{t.color}</Text>
                    </Stack>
                  </Group>
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{t.durationMinutes} min</Table.Td>
                <Table.Td>{patientKindLabel(t.patientKind)}</Table.Td>
                <Table.Td>{t.resourceKinds.join(', ') || 'None'}</Table.Td>
                <Table.Td>{providersLabel(t.providerIds, providers.data ?? [])}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{t.bufferMinutes} min</Table.Td>
                <Table.Td>{t.overbookingAllowed ? 'Allowed' : 'Not allowed'}</Table.Td>
                {/* A badge's label clips, so its cell keeps room for the whole word. */}
                <Table.Td miw={96}>{t.active ? <Badge color="green">Active</Badge> : <Badge color="gray">Inactive</Badge>}</Table.Td>
                <Table.Td>
                  <Group gap="xs" justify="flex-end" wrap="nowrap">
                    <Button
                      size="xs"
                      variant="light"
                      aria-label={`Edit ${t.name}`}
                      onClick={() => {
                        switching.reset();
                        setEditing(t);
                      }}
                    >
                      Edit
                    </Button>
                    <Button
                      size="xs"
                      variant="default"
                      aria-label={`${t.active ? 'Deactivate' : 'Reactivate'} ${t.name}`}
                      loading={switching.busy}
                      onClick={() => void switching.submit(t)}
                    >
                      {t.active ? 'Deactivate' : 'Reactivate'}
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
            {types.data && shown.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={9}>
                  {types.data.length === 0 ? 'No appointment types yet: add the first one.' : 'No active appointment types.'}
                </Table.Td>
              </Table.Tr>
            )}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing === 'new' ? 'Add appointment type' : `Edit ${editedName ?? ''}`}
        closeButtonProps={{ 'aria-label': 'Close' }}
        size="lg"
      >
        {editing !== null && (
          <AppointmentTypeForm
            type={editing === 'new' ? null : editing}
            providers={providers.data ?? []}
            roomKinds={roomKinds.data ?? []}
            onDone={() => setEditing(null)}
          />
        )}
      </Modal>
    </Stack>
  );
}
