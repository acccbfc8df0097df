import { sql } from 'kysely';
import { mayOpenPatientRowSql } from '../access/index.ts';
import type { Ctx } from '../shared/context.ts';

export interface PhoneMatch {
  id: string;
  mrn: string;
  givenName: string;
  familyName: string;
  birthDate: string;
}

/**
 * The patients one of whose phones is this number (E.164; a NANP number is matched on its 10
 * national digits, as the search does), for naming a caller. Only records the caller may open:
 * a restricted record stays out, as in the search, where a phone never finds a locked entry.
 * No audit row of its own: the caller's use case records what it did with the answer.
 */
export async function patientsByPhone(ctx: Ctx, e164: string, limit = 10): Promise<PhoneMatch[]> {
  const digits = e164.replace(/\D/g, '');
  const national = e164.startsWith('+1') ? digits.slice(1) : digits.slice(-10);
  if (national.length < 7) return [];
  const rows = await ctx.db
    .selectFrom('patients as p')
    .select(['p.id', 'p.mrn', 'p.given_name', 'p.family_name', 'p.birth_date'])
    .where('p.organization_id', '=', ctx.organizationId)
    .where('p.status', 'in', ['active', 'inactive', 'deceased'])
    .where(sql<boolean>`p.phone_digits @> ${sql.val([national])}::text[]`)
    .where(mayOpenPatientRowSql(ctx, 'p'))
    .orderBy('p.family_name')
    .orderBy('p.given_name')
    .orderBy('p.id')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ id: r.id, mrn: r.mrn, givenName: r.given_name, familyName: r.family_name, birthDate: r.birth_date }));
}
