import type { Ctx } from '../shared/context.ts';
import type { AddressRow } from './patients.tables.ts';

/**
 * Who answers for a patient's bill. `key` groups a family: the guarantor patient's id when the
 * guarantor is the patient themself or another patient of the practice, `person:<patient id>`
 * when it is a person who is not a patient (statements for that patient go to that person).
 */
export interface Guarantor {
  key: string;
  /** The patient whose record holds the guarantor (self or the guarantor patient); null for an outside person. */
  guarantorPatientId: string | null;
  givenName: string;
  familyName: string;
  address: AddressRow | null;
  /** Email on the guarantor patient's record, with their consent to email; an outside person has none on file. */
  email: string | null;
  consentEmail: boolean;
}

/**
 * The guarantor of each given patient, in one statement (bounded by the ids given; callers
 * page). Merged patients answer nothing (their balances moved to the survivor).
 */
export async function guarantorsOf(ctx: Ctx, patientIds: readonly string[]): Promise<Map<string, Guarantor>> {
  const out = new Map<string, Guarantor>();
  if (patientIds.length === 0) return out;
  const rows = await ctx.db
    .selectFrom('patients as p')
    .leftJoin('patients as g', (j) => j.onRef('g.id', '=', 'p.guarantor_patient_id').onRef('g.organization_id', '=', 'p.organization_id'))
    .select([
      'p.id',
      'p.guarantor_kind',
      'p.guarantor_person',
      'p.given_name',
      'p.family_name',
      'p.address',
      'p.email',
      'p.consent_email_reminders',
      'g.id as g_id',
      'g.given_name as g_given_name',
      'g.family_name as g_family_name',
      'g.address as g_address',
      'g.email as g_email',
      'g.consent_email_reminders as g_consent',
    ])
    .where('p.organization_id', '=', ctx.organizationId)
    .where('p.id', 'in', [...patientIds])
    .where('p.status', '!=', 'merged')
    .execute();
  for (const r of rows) {
    if (r.guarantor_kind === 'patient' && r.g_id) {
      out.set(r.id, {
        key: r.g_id,
        guarantorPatientId: r.g_id,
        givenName: r.g_given_name ?? '',
        familyName: r.g_family_name ?? '',
        address: r.g_address ?? null,
        email: r.g_email ?? null,
        consentEmail: r.g_consent ?? false,
      });
    } else if (r.guarantor_kind === 'person' && r.guarantor_person) {
      const g = r.guarantor_person;
      out.set(r.id, {
        key: `person:${r.id}`,
        guarantorPatientId: null,
        givenName: g.givenName,
        familyName: g.familyName,
        address: g.address ?? r.address,
        email: null,
        consentEmail: false,
      });
    } else {
      out.set(r.id, {
        key: r.id,
        guarantorPatientId: r.id,
        givenName: r.given_name,
        familyName: r.family_name,
        address: r.address,
        email: r.email,
        consentEmail: r.consent_email_reminders,
      });
    }
  }
  return out;
}
