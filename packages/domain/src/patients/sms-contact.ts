/**
 * Texting a patient (comms decides what to send): the record's mobile number, whether the
 * patient agreed to texts and prefers them; and who has a number, for a text that comes in. Throws when the
 * record is not in that organization.
 */
import { sql } from 'kysely';
import type { Db } from '../shared/context.ts';

export async function smsContactOf(
  db: Db,
  organizationId: string,
  patientId: string,
): Promise<{ mobile: string | null; consentSmsReminders: boolean; prefersSms: boolean }> {
  const p = await db
    .selectFrom('patients')
    .select(['phones', 'consent_sms_reminders', 'preferred_contact_method'])
    .where('id', '=', patientId)
    .where('organization_id', '=', organizationId)
    .executeTakeFirstOrThrow();
  const mobile = p.phones.find((ph) => ph.type === 'mobile')?.number ?? null;
  return { mobile, consentSmsReminders: p.consent_sms_reminders, prefersSms: p.preferred_contact_method === 'sms' };
}

/**
 * The live records (not merged) with `e164` among their phones, matched on its last ten digits
 * (the registry's phone-digits index), mobile numbers first. Several: the caller decides.
 */
export async function patientsWithPhone(db: Db, organizationId: string, e164: string): Promise<string[]> {
  const digits = e164.replace(/\D/g, '').slice(-10);
  if (digits.length < 10) return [];
  const rows = await db
    .selectFrom('patients_scoped')
    .select(['id', 'phones'])
    .where('organization_id', '=', organizationId)
    .where('status', '!=', 'merged')
    .where(sql<boolean>`phone_digits @> array[${digits}]::text[]`)
    .orderBy('created_at')
    .limit(20)
    .execute();
  const has = (r: (typeof rows)[number], mobileOnly: boolean) =>
    r.phones.some((p) => (!mobileOnly || p.type === 'mobile') && p.number.replace(/\D/g, '').slice(-10) === digits);
  const ordered = [...rows.filter((r) => has(r, true)), ...rows.filter((r) => has(r, false))];
  return [...new Set(ordered.map((r) => r.id))];
}
