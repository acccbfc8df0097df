import { sql } from 'kysely';
import type { Ctx } from '../shared/context.ts';

/** At most this many members of one family are listed (a guarantor answering for more is not a family). */
export const FAMILY_LIMIT = 50;

export interface FamilyMember {
  patientId: string;
  givenName: string;
  familyName: string;
  /** A restricted record: its balance counts toward the family, its name is not shown. */
  restricted: boolean;
}

/** The patients one guarantor answers for, with the phone to call about the bill. */
export interface Family {
  /** Ordered by name, at most FAMILY_LIMIT. */
  members: FamilyMember[];
  /** The guarantor's first phone on file (the guarantor patient's, or the outside person's). */
  phone: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The guarantor key of a patient row, as guarantorsOf gives it. */
const keyOfRow = sql<string>`case guarantor_kind when 'person' then 'person:' || id::text when 'patient' then guarantor_patient_id::text else id::text end`;

/**
 * The family of each guarantor key (the inverse of `guarantorsOf`), in one statement bounded by
 * the keys given (callers page; index patients_guarantor): for a guarantor patient's id, that
 * patient (when they answer for themself) and every patient naming them as guarantor; for
 * `person:<id>`, that one patient. Merged records are left out; a key nobody answers to (or not
 * a key at all) is absent from the map.
 */
export async function familiesOf(ctx: Ctx, keys: readonly string[]): Promise<Map<string, Family>> {
  const out = new Map<string, Family>();
  const patientKeys = [...new Set(keys.filter((k) => UUID.test(k)))];
  const personIds = [
    ...new Set(
      keys
        .filter((k) => k.startsWith('person:'))
        .map((k) => k.slice('person:'.length))
        .filter((id) => UUID.test(id)),
    ),
  ];
  if (patientKeys.length === 0 && personIds.length === 0) return out;
  const rows = await ctx.db
    .selectFrom((db) =>
      db
        .selectFrom('patients')
        .select([
          'id',
          'given_name',
          'family_name',
          'restricted',
          'guarantor_kind',
          'guarantor_person',
          'phones',
          keyOfRow.as('key'),
          sql<number>`row_number() over (partition by ${keyOfRow} order by family_name, given_name, id)`.as('rank'),
        ])
        .where('organization_id', '=', ctx.organizationId)
        .where('status', '!=', 'merged')
        .where((eb) =>
          eb.or([
            ...(patientKeys.length > 0
              ? [
                  eb.and([eb('guarantor_kind', '=', 'patient'), eb('guarantor_patient_id', 'in', patientKeys)]),
                  // The guarantor patient's own row: a member when they answer for themself, and their phone either way.
                  eb('id', 'in', patientKeys),
                ]
              : []),
            ...(personIds.length > 0 ? [eb.and([eb('guarantor_kind', '=', 'person'), eb('id', 'in', personIds)])] : []),
          ]),
        )
        .as('f'),
    )
    .selectAll()
    .orderBy('rank')
    .execute();
  const wanted = new Set(keys);
  const familyOfKey = (key: string) => {
    let f = out.get(key);
    if (!f) {
      f = { members: [], phone: null };
      out.set(key, f);
    }
    return f;
  };
  for (const r of rows) {
    if (wanted.has(r.key) && Number(r.rank) <= FAMILY_LIMIT)
      familyOfKey(r.key).members.push({ patientId: r.id, givenName: r.given_name, familyName: r.family_name, restricted: r.restricted });
    if (r.guarantor_kind === 'person' && wanted.has(r.key)) familyOfKey(r.key).phone = r.guarantor_person?.phone ?? null;
    // The guarantor patient's own phone, whoever answers for their own bill.
    if (wanted.has(r.id)) familyOfKey(r.id).phone = r.phones?.[0]?.number ?? null;
  }
  for (const [key, f] of out) if (f.members.length === 0) out.delete(key);
  return out;
}

/** One guarantor key's family (familiesOf for a single key); null when nobody answers to it. */
export async function familyOf(ctx: Ctx, key: string): Promise<Family | null> {
  return (await familiesOf(ctx, [key])).get(key) ?? null;
}
