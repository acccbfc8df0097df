/**
 * Admin → Locations → Rooms of one location: add a room, rename it or change its kind, take it
 * out of service and back. Kinds matter: appointment types reserve a room by kind.
 */
import { Alert, Autocomplete, Badge, Button, Group, Modal, Select, Stack, Table, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../../../api/client.ts';
import type { Problem } from '../../../api/problem.ts';
import { useSubmit } from '../../../api/use-submit.ts';
import type { paths } from '../../../api/schema';
import type { Location } from '../../../api/types.ts';
import { scheduleKeys } from '../../schedule/query-keys.ts';

type Json<T> = T extends { content: { 'application/json': infer J } } ? J : never;
type Room = Json<paths['/api/rooms']['get']['responses'][200]>['items'][number];

/** The kinds offered; a practice may type its own (an "ultrasound" room for its ultrasound visits). */
const KINDS = ['exam room', 'procedure room', 'consult room', 'triage', 'lab', 'imaging'];
const LABELS: Record<string, string> = { name: 'Name', kind: 'Kind', locationId: 'Location' };

/** A problem as one line for a person: its detail, then each field by its label. */
const describe = (p: Problem) =>
  [p.detail, ...(p.errors ?? []).map((e) => `${LABELS[e.path] ?? e.path}: ${e.message}`)].filter(Boolean).join(' ');

export function RoomsSection({ locations }: { locations: Location[] }) {
  const [locationId, setLocationId] = useState<string | null>(locations.find((l) => l.active)?.id ?? locations[0]?.id ?? null);
  const [name, setName] = useState('');
  const [kind, setKind] = useState('exam room');
  const [editing, setEditing] = useState<Room | null>(null);
  const rooms = useQuery({
    queryKey: [...scheduleKeys.rooms(locationId), 'with-inactive'],
    enabled: locationId !== null,
    queryFn: () => unwrap(api.GET('/api/rooms', { params: { query: { locationId: locationId ?? undefined, includeInactive: 'true' } } })),
    select: (d) => d.items,
  });
  const changed = [scheduleKeys.roomLists()];
  const adding = useSubmit(() => api.POST('/api/rooms', { body: { locationId: locationId as string, name, kind } }), {
    invalidate: changed,
    onSuccess: () => setName(''),
    onProblem: describe,
  });
  const switching = useSubmit(
    (room: Room) =>
      api.PATCH('/api/rooms/{id}', {
        params: { path: { id: room.id } },
        body: { active: !room.active },
        headers: { 'if-match': `"${room.version}"` },
      }),
    { invalidate: changed, onProblem: describe },
  );
  const here = locations.find((l) => l.id === locationId);
  return (
    <Stack gap="sm">
      <Title order={2} size="h3">
        Rooms
      </Title>
      <Select
        label="Rooms of location"
        data={locations.map((l) => ({ value: l.id, label: l.active ? l.name : `${l.name} (inactive)` }))}
        value={locationId}
        onChange={setLocationId}
        allowDeselect={false}
        maw={360}
      />
      {(adding.error ?? switching.error) && <Alert color="red">{adding.error ?? switching.error}</Alert>}
      <Table.ScrollContainer minWidth={480}>
        <Table striped aria-label={`Rooms at ${here?.name ?? 'the location'}`}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>Kind</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>
                <span className="visually-hidden">Actions</span>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(rooms.data ?? []).map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td>{r.name}</Table.Td>
                <Table.Td>{r.kind}</Table.Td>
                <Table.Td>{r.active ? <Badge color="green">In service</Badge> : <Badge color="gray">Out of service</Badge>}</Table.Td>
                <Table.Td>
                  <Group gap="xs" justify="flex-end">
                    <Button size="xs" variant="light" onClick={() => setEditing(r)} aria-label={`Edit ${r.name}`}>
                      Edit
                    </Button>
                    <Button size="xs" variant="default" loading={switching.busy} onClick={() => void switching.submit(r)}>
                      {r.active ? `Take ${r.name} out of service` : `Return ${r.name} to service`}
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
            {rooms.data?.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={4}>No rooms at this location yet.</Table.Td>
              </Table.Tr>
            )}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          switching.reset();
          void adding.submit();
        }}
      >
        <Group align="flex-end">
          <TextInput label="New room" value={name} onChange={(e) => setName(e.currentTarget.value)} required maxLength={60} />
          <Autocomplete label="Kind" data={KINDS} value={kind} onChange={setKind} required maxLength={60} />
          <Button type="submit" loading={adding.busy} disabled={locationId === null}>
            Add room
          </Button>
        </Group>
      </form>
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={`Edit ${editing?.name ?? ''}`}
        closeButtonProps={{ 'aria-label': 'Close' }}
      >
        {editing && <RoomForm room={editing} onDone={() => setEditing(null)} />}
      </Modal>
    </Stack>
  );
}

function RoomForm({ room, onDone }: { room: Room; onDone: () => void }) {
  const [name, setName] = useState(room.name);
  const [kind, setKind] = useState(room.kind);
  const saving = useSubmit(
    () =>
      api.PATCH('/api/rooms/{id}', {
        params: { path: { id: room.id } },
        body: { name, kind },
        headers: { 'if-match': `"${room.version}"` },
      }),
    {
      invalidate: [scheduleKeys.roomLists()],
      onSuccess: onDone,
      onProblem: (p) => (p.status === 412 ? 'Someone changed this room meanwhile: close and open it again.' : describe(p)),
    },
  );
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void saving.submit();
      }}
    >
      <Stack>
        {saving.error && <Alert color="red">{saving.error}</Alert>}
        <TextInput label="Name" value={name} onChange={(e) => setName(e.currentTarget.value)} required maxLength={60} data-autofocus />
        <Autocomplete label="Kind" data={KINDS} value={kind} onChange={setKind} required maxLength={60} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={saving.busy}>
            Save
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
