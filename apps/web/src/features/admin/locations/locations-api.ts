/** Queries of the locations API. */
import { queryOptions } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client.ts';
import { locationKeys } from './query-keys.ts';

/** Every location, inactive ones too (Admin → Locations, the roles editor). */
export const allLocationsQuery = () =>
  queryOptions({
    queryKey: locationKeys.withInactive(),
    queryFn: () => unwrap(api.GET('/api/locations', { params: { query: { includeInactive: 'true' } } })),
  });
