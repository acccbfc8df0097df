import type { Ctx } from '../shared/context.ts';

/** A guarantor's family as `guarantorsOf` groups it, with the phone to call about the bill. */
export interface GuarantorMembers {
  /** The patients whose bill the guarantor answers for (guarantorsOf gives them this key), at most 50. */
  patientIds: string[];
  /** The guarantor's first phone on file (the guarantor patient's, or the outside person's). */
  phone: string | null;
}

const MAX_MEMBERS = 50;

/**
 * The members of each guarantor key (the inverse of `guarantorsOf`), in one statement bounded by
 * the keys given (callers page; index patients_guarantor). Merged patients are left out; a key
 * nobody answers to is absent from the map.
 */
export async function guarantorMembers(ctx: Ctx, keys: readonly string[]): Promise<Map<string, GuarantorMembers>> {
  const out = new Map<string, GuarantorMembers>();
  const patientKeys = [...new Set(keys.filter((k) => !k.startsWith('person:')))];
  const personIds = [...new Set(keys.filter((k) => k.startsWith('person:')).map((k) => k.slice('person:'.length)))];
  if (patientKeys.length === 0 && personIds.length === 0) return out;
  const rows = await ctx.db
    .selectFrom('patients')
    .select(['id', 'guarantor_kind', 'guarantor_patient_id', 'guarantor_person', 'phones'])
    .where('organization_id', '=', ctx.organizationId)
    .where('status', '!=', 'merged')
    .where((eb) =>
      eb.or([
        ...(patientKeys.length > 0
          ? [
              eb.and([eb('guarantor_kind', '=', 'patient'), eb('guarantor_patient_id', 'in', patientKeys)]),
              eb.and([eb('guarantor_kind', '=', 'self'), eb('id', 'in', patientKeys)]),
              eb('id', 'in', patientKeys),
            ]
          : []),
        ...(personIds.length > 0 ? [eb.and([eb('guarantor_kind', '=', 'person'), eb('id', 'in', personIds)])] : []),
      ]),
    )
    .orderBy('id')
    .limit((patientKeys.length + personIds.length) * (MAX_MEMBERS + 1))
    .execute();
  const entry = (key: string) => {
    let e = out.get(key);
    if (!e) {
      e = { patientIds: [], phone: null };
      out.set(key, e);
    }
    return e;
  };
  for (const r of rows) {
    if (r.guarantor_kind === 'person') {
      const e = entry(`person:${r.id}`);
      e.patientIds.push(r.id);
      e.phone = r.guarantor_person?.phone ?? null;
      continue;
    }
    const key = r.guarantor_kind === 'patient' ? r.guarantor_patient_id : r.id;
    if (key && patientKeys.includes(key) && entry(key).patientIds.length < MAX_MEMBERS) entry(key).patientIds.push(r.id);
    // The guarantor patient's own phone, whoever answers for their own bill.
    if (patientKeys.includes(r.id)) entry(r.id).phone = r.phones?.[0]?.number ?? null;
  }
  for (const [key, e] of out) if (e.patientIds.length === 0) out.delete(key);
  return out;
}
