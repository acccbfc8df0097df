/** Provider and room rows to their public shapes (one mapping for lists and lookups by id). */
import type { Selectable } from 'kysely';
import type { Provider, Room } from './organizations.schemas.ts';
import type { ProvidersTable, RoomsTable } from './organizations.tables.ts';

export function toProvider(r: Selectable<ProvidersTable>): Provider {
  return {
    id: r.id,
    givenName: r.given_name,
    familyName: r.family_name,
    credentials: r.credentials,
    npi: r.npi,
    taxonomyCode: r.taxonomy_code,
    color: r.color,
    active: r.active,
    supervisingProviderId: r.supervising_provider_id,
    version: r.version,
  };
}

export function toRoom(r: Selectable<RoomsTable>): Room {
  return { id: r.id, locationId: r.location_id, name: r.name, kind: r.kind, active: r.active, version: r.version };
}
