import type { ColumnType, Generated } from 'kysely';

type Created = ColumnType<Date, Date | string | undefined, never>;
type Updated = ColumnType<Date, Date | string | undefined, Date | string>;

export interface OrganizationsTable {
  id: Generated<string>;
  name: string;
  settings: ColumnType<Record<string, unknown>, string | undefined, string>;
  created_at: Created;
}

export interface LocationsTable {
  id: Generated<string>;
  organization_id: string;
  name: string;
  address_line1: Generated<string>;
  address_line2: Generated<string>;
  city: Generated<string>;
  state: string | null;
  postal_code: string | null;
  phone: string | null;
  time_zone: string;
  place_of_service: Generated<string>;
  billing_npi: string | null;
  tin: string | null;
  active: Generated<boolean>;
  version: Generated<number>;
  created_at: Created;
  updated_at: Updated;
}

export interface ProvidersTable {
  id: Generated<string>;
  organization_id: string;
  given_name: string;
  family_name: string;
  credentials: Generated<string>;
  npi: string;
  taxonomy_code: string | null;
  color: Generated<string>;
  active: Generated<boolean>;
  created_at: Created;
  /** Migration 0135: whose co-signature this provider's signed notes need (null: none). */
  supervising_provider_id: string | null;
  version: Generated<number>;
  updated_at: Updated;
}

export interface RoomsTable {
  id: Generated<string>;
  organization_id: string;
  location_id: string;
  name: string;
  kind: Generated<string>;
  active: Generated<boolean>;
  created_at: Created;
  version: Generated<number>;
  updated_at: Date | null;
}

export interface OrganizationsTables {
  organizations: OrganizationsTable;
  locations: LocationsTable;
  providers: ProvidersTable;
  rooms: RoomsTable;
}
