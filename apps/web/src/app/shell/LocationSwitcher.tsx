/**
 * Chooses the location sent as x-location-id: one of the locations the user holds a role at
 * (GET /api/me; every active one with a practice-wide role), the first until the user picks.
 * A role limited to one location acts only when that location is chosen.
 */
import { Select } from '@mantine/core';
import { IconMapPin } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { setSelectedLocation } from '../../api/selected-location.ts';
import { useMe } from '../../features/auth/use-me.ts';
import { useSelectedLocation } from '../use-selected-location.ts';

/** `w`: its width (the header's 240 px; the full width of the nav drawer on a phone). */
export function LocationSwitcher({ w = 240 }: { w?: number | string }) {
  const selected = useSelectedLocation();
  const queryClient = useQueryClient();
  const me = useMe();
  const items = me.data?.locations ?? [];

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
      placeholder={me.isPending ? 'Loading locations…' : 'Choose a location'}
      w={w}
      comboboxProps={{ withinPortal: true }}
      data-testid="location-switcher"
    />
  );
}
