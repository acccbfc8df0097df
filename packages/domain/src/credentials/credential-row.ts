import { sql } from 'kysely';
import type { Ctx } from '../shared/context.ts';
import { notFound } from '../shared/errors.ts';
import type { Credential } from './credentials.schemas.ts';
import type { CredentialKind } from './credentials.tables.ts';

/** Days before the expiry from which a credential counts as expiring. */
export const EXPIRING_DAYS = 90;

export function selectCredentials(tx: Ctx, today: string) {
  return tx.db
    .selectFrom('credentials as c')
    .leftJoin('provider_directory as pd', (j) =>
      j.onRef('pd.id', '=', 'c.provider_id').onRef('pd.organization_id', '=', 'c.organization_id'),
    )
    .leftJoin('staff_directory as sd', (j) => j.onRef('sd.id', '=', 'c.user_id').onRef('sd.organization_id', '=', 'c.organization_id'))
    .select([
      'c.id',
      'c.provider_id',
      'c.user_id',
      'c.kind',
      'c.number',
      'c.state',
      'c.issuer',
      'c.expires_on',
      'c.renewed_at',
      'c.version',
      'c.created_at',
      sql<string>`coalesce(pd.given_name || ' ' || pd.family_name || case when pd.credentials <> '' then ', ' || pd.credentials else '' end, sd.display_name, '')`.as(
        'holder_name',
      ),
      sql<number>`(c.expires_on - ${today}::date)`.as('days_left'),
    ])
    .where('c.organization_id', '=', tx.organizationId);
}

type Row = {
  id: string;
  provider_id: string | null;
  user_id: string | null;
  kind: CredentialKind;
  number: string;
  state: string | null;
  issuer: string;
  expires_on: string;
  renewed_at: Date | null;
  version: number;
  created_at: Date;
  holder_name: string;
  days_left: number;
};

export function toCredential(r: Row): Credential {
  const daysLeft = Number(r.days_left);
  return {
    id: r.id,
    providerId: r.provider_id,
    userId: r.user_id,
    holderName: r.holder_name,
    kind: r.kind,
    number: r.number,
    state: r.state,
    issuer: r.issuer,
    expiresOn: r.expires_on,
    daysLeft,
    status: daysLeft < 0 ? 'expired' : daysLeft <= EXPIRING_DAYS ? 'expiring' : 'valid',
    renewedAt: r.renewed_at ? new Date(r.renewed_at).toISOString() : null,
    version: r.version,
    createdAt: new Date(r.created_at).toISOString(),
  };
}

export async function loadCredential(tx: Ctx, id: string, today: string): Promise<Credential> {
  const row = await selectCredentials(tx, today).where('c.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('credential');
  return toCredential(row as Row);
}
