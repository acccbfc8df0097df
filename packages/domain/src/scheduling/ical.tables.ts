import type { ColumnType, Generated } from 'kysely';

/** Secret-token calendar feeds of providers (migration 0060). */
export interface ProviderIcalTokensTable {
  id: Generated<string>;
  organization_id: string;
  provider_id: string;
  /** SHA-256 of the token; the token itself is never stored. */
  token_hash: Buffer;
  created_by: string | null;
  created_at: ColumnType<Date, Date | string | undefined, never>;
  revoked_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export interface IcalTables {
  provider_ical_tokens: ProviderIcalTokensTable;
}
