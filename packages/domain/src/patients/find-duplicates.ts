import { sql } from 'kysely';
import type { Ctx } from '../shared/context.ts';
import { foldName } from './fold-name.ts';
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
  return (await findRegistrationClashes(ctx, p, { excludeId })).candidates;
}

/**
 * One query for registration: the possible duplicates (as above) and, when `registrationHash`
 * is given, the record registered with an identical body.
 */
export async function findRegistrationClashes(
  ctx: Ctx,
  p: { givenName: string; familyName: string; birthDate: string; phones: { number: string }[] },
  opts: { excludeId?: string | undefined; registrationHash?: string | undefined },
): Promise<{ candidates: DuplicateCandidate[]; identical: DuplicateCandidate | undefined }> {
  const phones = p.phones.map((ph) => ph.number.replace(/\D/g, '').slice(-10)).filter((d) => d.length === 10);
  // Folded as search folds names (fold-name.ts): José Núñez and Jose Nunez are one person's spellings.
  const fullName = foldName(`${p.givenName} ${p.familyName}`);
  const similar = sql<boolean>`((birth_date = ${p.birthDate} and similarity(clinicdesk_fold_name(given_name || ' ' || family_name), ${fullName}) >= ${NAME_SIMILARITY})${
    phones.length ? sql` or phone_digits && ${sql.val(phones)}::text[]` : sql``
  })`;
  const identical = opts.registrationHash ? sql<boolean>`(registration_hash = ${opts.registrationHash})` : sql<boolean>`false`;
  let q = ctx.db
    .selectFrom('patients_scoped')
    .select(['id', 'mrn', 'given_name', 'family_name', 'birth_date', similar.as('similar'), identical.as('identical')])
    .where('organization_id', '=', ctx.organizationId)
    .where('status', '<>', 'merged')
    .where(sql<boolean>`(${similar} or ${identical})`);
  if (opts.excludeId) q = q.where('id', '<>', opts.excludeId);
  const rows = await q.orderBy(identical, 'desc').orderBy('mrn').limit(11).execute();
  const toCandidate = (r: (typeof rows)[number]) => ({
    id: r.id,
    mrn: r.mrn,
    givenName: r.given_name,
    familyName: r.family_name,
    birthDate: r.birth_date,
  });
  return {
    candidates: rows
      .filter((r) => r.similar)
      .slice(0, 10)
      .map(toCandidate),
    identical: rows.filter((r) => r.identical).map(toCandidate)[0],
  };
}
