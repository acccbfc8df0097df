/** Admin → Locations: every location (inactive too), add and edit in a dialog; each location's rooms below. */
import { Alert, Button, Group, Loader, Modal, Stack, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { Location } from '../../../api/types.ts';
import { LocationForm } from './LocationForm.tsx';
import { allLocationsQuery } from './locations-api.ts';
import { LocationsTable } from './LocationsTable.tsx';
import { RoomsSection } from './RoomsSection.tsx';

export function LocationsPage() {
  const [editing, setEditing] = useState<Location | 'new' | null>(null);
  const list = useQuery(allLocationsQuery());

  const saved = (l: Location) => {
    setEditing(null);
    notifications.show({ color: 'green', message: `${l.name} saved` });
  };

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>Locations</Title>
        <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
          Add location
        </Button>
      </Group>
      {list.isPending && <Loader aria-label="Loading locations" />}
      {list.isError && <Alert color="red">{list.error.message}</Alert>}
      {list.data && <LocationsTable locations={list.data.items} onEdit={setEditing} />}
      {list.data && list.data.items.length > 0 && <RoomsSection locations={list.data.items} />}
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing === 'new' ? 'Add location' : `Edit ${editing?.name ?? ''}`}
        size="xl"
        closeButtonProps={{ 'aria-label': 'Close' }}
      >
        {editing !== null && (
          <LocationForm location={editing === 'new' ? null : editing} onSaved={saved} onCancel={() => setEditing(null)} />
        )}
      </Modal>
    </Stack>
  );
}
