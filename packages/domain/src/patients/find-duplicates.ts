import { sql } from 'kysely';
import type { Ctx } from '../shared/context.ts';
import type { DuplicateCandidate } from './patients.schemas.ts';

/** Names at least this similar (pg_trgm, 0..1) on the same birth date are a possible duplicate. */
const NAME_SIMILARITY = 0.45;

/**
 * Patients who may be the person being registered: a similar name with the
 * same date of birth, or the same 10-digit phone. Merged tombstones never count.
 */
export async function findDuplicateCandidates(
  ctx: Ctx,
  p: { givenName: string; familyName: string; birthDate: string; phones: { number: string }[] },
  excludeId?: string,
): Promise<DuplicateCandidate[]> {
  const phones = p.phones.map((ph) => ph.number.replace(/\D/g, '').slice(-10)).filter((d) => d.length === 10);
  const fullName = `${p.givenName} ${p.familyName}`.toLowerCase();
  let q = ctx.db
    .selectFrom('patients')
    .select(['id', 'mrn', 'given_name', 'family_name', 'birth_date'])
    .where('organization_id', '=', ctx.organizationId)
    .where('status', '<>', 'merged')
    .where((eb) =>
      eb.or([
        eb.and([
          eb('birth_date', '=', p.birthDate),
          eb(sql<number>`similarity(lower(given_name || ' ' || family_name), ${fullName})`, '>=', NAME_SIMILARITY),
        ]),
        ...(phones.length ? [eb(sql<boolean>`phone_digits && ${sql.val(phones)}::text[]`, '=', true)] : []),
      ]),
    );
  if (excludeId) q = q.where('id', '<>', excludeId);
  const rows = await q.orderBy('mrn').limit(10).execute();
  return rows.map((r) => ({ id: r.id, mrn: r.mrn, givenName: r.given_name, familyName: r.family_name, birthDate: r.birth_date }));
}
