/** Chooses the location sent as x-location-id; the first active one until the user picks. */
import { Select } from '@mantine/core';
import { IconMapPin } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { setSelectedLocation } from '../../api/selected-location.ts';
import { useSelectedLocation } from '../use-selected-location.ts';

export function LocationSwitcher() {
  const selected = useSelectedLocation();
  const queryClient = useQueryClient();
  const locations = useQuery({ queryKey: ['locations', 'active'], queryFn: () => unwrap(api.GET('/api/locations')) });
  const items = locations.data?.items ?? [];

  useEffect(() => {
    const first = items[0];
    if (first && !items.some((l) => l.id === selected)) setSelectedLocation(first.id);
  }, [items, selected]);

  const choose = (id: string | null) => {
    if (!id || id === selected) return;
    setSelectedLocation(id);
    // Everything on screen belongs to the old location.
    void queryClient.invalidateQueries();
  };

  return (
    <Select
      aria-label="Location"
      data={items.map((l) => ({ value: l.id, label: l.name }))}
      value={items.some((l) => l.id === selected) ? selected : null}
      onChange={choose}
      allowDeselect={false}
      leftSection={<IconMapPin size={16} stroke={1.5} />}
      placeholder={locations.isPending ? 'Loading locations…' : 'Choose a location'}
      w={240}
      comboboxProps={{ withinPortal: true }}
      data-testid="location-switcher"
    />
  );
}
