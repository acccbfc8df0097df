import type { Db } from '../shared/context.ts';

/** How a patient may be reached by email, text and post (consents and whether each contact is on record). */
export interface OutreachContact {
  email: string | null;
  consentEmailReminders: boolean;
  mobile: string | null;
  consentSmsReminders: boolean;
  hasPostalAddress: boolean;
}

/** A patient's consents and contacts for outreach (a recall campaign's stages), in one read. */
export async function outreachContactOf(db: Db, organizationId: string, patientId: string): Promise<OutreachContact> {
  const p = await db
    .selectFrom('patients')
    .select(['email', 'consent_email_reminders', 'phones', 'consent_sms_reminders', 'address'])
    .where('id', '=', patientId)
    .where('organization_id', '=', organizationId)
    .executeTakeFirstOrThrow();
  const a = p.address;
  return {
    email: p.email,
    consentEmailReminders: p.consent_email_reminders,
    mobile: p.phones.find((ph) => ph.type === 'mobile')?.number ?? null,
    consentSmsReminders: p.consent_sms_reminders,
    hasPostalAddress: Boolean(a?.line1?.trim() && a.city?.trim() && a.postalCode?.trim()),
  };
}
