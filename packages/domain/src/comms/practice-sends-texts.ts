import type { Db } from '../shared/context.ts';

/** Whether the practice's SMS account is set up (account, token and number): other modules offer by text only then. */
export async function practiceSendsTexts(db: Db, organizationId: string): Promise<boolean> {
  const row = await db
    .selectFrom('comms_settings')
    .select(['sms_account_sid', 'sms_auth_token', 'sms_from_number'])
    .where('organization_id', '=', organizationId)
    .executeTakeFirst();
  return Boolean(row?.sms_account_sid && row.sms_auth_token && row.sms_from_number);
}
