/** Admin → Locations: every location (inactive too), add and edit in a dialog. */
import { Alert, Button, Group, Loader, Modal, Stack, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../../../api/client.ts';
import type { Location } from '../../../api/types.ts';
import { LocationForm } from './LocationForm.tsx';
import { LocationsTable } from './LocationsTable.tsx';

export function LocationsPage() {
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<Location | 'new' | null>(null);
  const list = useQuery({
    queryKey: ['locations', 'all'],
    queryFn: () => unwrap(api.GET('/api/locations', { params: { query: { includeInactive: 'true' } } })),
  });

  const saved = (l: Location) => {
    setEditing(null);
    void queryClient.invalidateQueries({ queryKey: ['locations'] });
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
