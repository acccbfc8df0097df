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

/**
 * The patients one guarantor answers for (guarantorsOf's `key`): the guarantor patient (when they
 * answer for themself) and every patient naming them as guarantor; for `person:<id>`, that one
 * patient. Merged records are left out. Ordered by name, at most FAMILY_LIMIT.
 */
export async function familyOf(ctx: Ctx, guarantorKey: string): Promise<FamilyMember[]> {
  const person = /^person:([0-9a-f-]{36})$/i.exec(guarantorKey);
  const id = person ? person[1] : guarantorKey;
  if (!id || !/^[0-9a-f-]{36}$/i.test(id)) return [];
  const rows = await ctx.db
    .selectFrom('patients')
    .select(['id', 'given_name', 'family_name', 'restricted'])
    .where('organization_id', '=', ctx.organizationId)
    .where('status', '!=', 'merged')
    .$if(person !== null, (b) => b.where('id', '=', id).where('guarantor_kind', '=', 'person'))
    .$if(person === null, (b) =>
      b.where((eb) =>
        eb.or([
          eb.and([eb('id', '=', id), eb('guarantor_kind', '=', 'self')]),
          eb.and([eb('guarantor_patient_id', '=', id), eb('guarantor_kind', '=', 'patient')]),
        ]),
      ),
    )
    .orderBy('family_name')
    .orderBy('given_name')
    .orderBy('id')
    .limit(FAMILY_LIMIT)
    .execute();
  return rows.map((r) => ({ patientId: r.id, givenName: r.given_name, familyName: r.family_name, restricted: r.restricted }));
}
