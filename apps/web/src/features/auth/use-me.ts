import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.ts';
import type { Me, Permission } from '../../api/types.ts';
import { useSelectedLocation } from '../../app/use-selected-location.ts';
import { authKeys } from './query-keys.ts';

/** The signed-in user; permissions depend on the selected location, hence the key. */
export function useMe() {
  const locationId = useSelectedLocation();
  // The previous answer stays on screen while the new location's permissions load.
  const queryClient = useQueryClient();
  // A page mounted while the location changes has no previous answer of its own: lend it the latest cached one.
  const latest = () => queryClient.getQueriesData<Me>({ queryKey: authKeys.me() }).find(([, d]) => d)?.[1];
  return useQuery({
    queryKey: authKeys.meAt(locationId),
    queryFn: () => unwrap(api.GET('/api/me')),
    placeholderData: (prev) => prev ?? latest(),
  });
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
