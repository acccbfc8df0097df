/**
 * Where the practice may email a patient a reminder or an offer (comms decides what to send):
 * the address on the record and whether the patient agreed to email reminders. Throws when the
 * record is not in that organization.
 */
import type { Db } from '../shared/context.ts';

export async function emailContactOf(
  db: Db,
  organizationId: string,
  patientId: string,
): Promise<{ email: string | null; consentEmailReminders: boolean }> {
  const p = await db
    .selectFrom('patients')
    .select(['email', 'consent_email_reminders'])
    .where('id', '=', patientId)
    .where('organization_id', '=', organizationId)
    .executeTakeFirstOrThrow();
  return { email: p.email, consentEmailReminders: p.consent_email_reminders };
}
