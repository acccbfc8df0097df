/** Types and queries of the user-admin API, from the generated schema. */
import { queryOptions } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client.ts';
import type { paths } from '../../../api/schema';
import { userKeys } from './query-keys.ts';

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;

export type StaffUser = Json<paths['/api/users/{id}']['get']['responses'][200]>;
export type RoleAssignment = StaffUser['roles'][number];
export type NewUser = Json<paths['/api/users']['post']['requestBody']>;
export type Invite = Json<paths['/api/users/{id}/invite']['post']['responses'][200]>;
export type UserSession = Json<paths['/api/users/{id}/sessions']['get']['responses'][200]>['items'][number];
export type SecuritySettings = Json<paths['/api/organization/settings']['get']['responses'][200]>;

/** The invite link as the person will open it. */
export const inviteLink = (invite: Invite) => `${window.location.origin}${invite.url}`;

/** Staff accounts, first 200 by name: the Users page, the audit filter's user picker, the care-team picker. */
export const staffListQuery = (filters: { includeInactive: boolean; q: string }) =>
  queryOptions({
    queryKey: userKeys.list(filters),
    queryFn: () =>
      unwrap(
        api.GET('/api/users', {
          params: {
            query: {
              limit: 200,
              includeInactive: filters.includeInactive ? 'true' : 'false',
              ...(filters.q.trim() ? { q: filters.q.trim() } : {}),
            },
          },
        }),
      ),
  });

/** Active staff (the care-team picker). */
export const activeStaffQuery = () => staffListQuery({ includeInactive: false, q: '' });
