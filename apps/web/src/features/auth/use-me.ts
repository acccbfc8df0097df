import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.ts';
import type { Me, Permission } from '../../api/types.ts';
import { useSelectedLocation } from '../../app/use-selected-location.ts';

/** The signed-in user; permissions depend on the selected location, hence the key. */
export function useMe() {
  const locationId = useSelectedLocation();
  // The previous answer stays on screen while the new location's permissions load.
  return useQuery({ queryKey: ['me', locationId], queryFn: () => unwrap(api.GET('/api/me')), placeholderData: keepPreviousData });
}

/** Only inside the signed-in shell, which renders nothing until `useMe` has data. */
export function useCurrentUser(): Me {
  const { data } = useMe();
  if (!data) throw new Error('useCurrentUser outside the signed-in shell');
  return data;
}

export function useCan(): (permission: Permission | undefined) => boolean {
  const me = useCurrentUser();
  return (permission) => permission === undefined || me.user.permissions.includes(permission);
}
