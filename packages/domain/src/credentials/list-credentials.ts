import { sql } from 'kysely';
import { requirePermission, todayAt } from '../access/index.ts';
import { type Ctx, inTransaction } from '../shared/context.ts';
import { keyset } from '../shared/cursor.ts';
import { selectCredentials, toCredential } from './credential-row.ts';
import type { Credential, CredentialQuery } from './credentials.schemas.ts';

const credentialKeys = keyset('date', 'uuid');

/**
 * Credentials, soonest expiry first: `expiringWithinDays` keeps the expired ones and those
 * expiring within that many days of today at the desk's location; by provider, staff member
 * or kind.
 */
export async function listCredentials(ctx: Ctx, q: CredentialQuery): Promise<{ items: Credential[]; nextCursor: string | null }> {
  requirePermission(ctx, 'credential:read');
  return inTransaction(ctx, async (tx) => {
    const today = await todayAt(tx);
    let query = selectCredentials(tx, today);
    if (q.expiringWithinDays !== undefined)
      query = query.where(sql<boolean>`c.expires_on <= ${today}::date + ${q.expiringWithinDays}::int`);
    if (q.providerId) query = query.where('c.provider_id', '=', q.providerId);
    if (q.userId) query = query.where('c.user_id', '=', q.userId);
    if (q.kind) query = query.where('c.kind', '=', q.kind);
    const c = credentialKeys.decode(q.cursor);
    if (c) query = query.where(sql<boolean>`(c.expires_on, c.id) > (${c[0]}::date, ${c[1]}::uuid)`);
    const rows = await query
      .orderBy('c.expires_on')
      .orderBy('c.id')
      .limit(q.limit + 1)
      .execute();
    const { page, nextCursor } = credentialKeys.page(rows, q.limit, (r) => [r.expires_on, r.id]);
    return { items: page.map(toCredential), nextCursor };
  });
}
