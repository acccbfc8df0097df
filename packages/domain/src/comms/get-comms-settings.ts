import { requirePermission } from '../access/index.ts';
import type { Ctx, Db } from '../shared/context.ts';
import type { CommsSettings } from './comms.schemas.ts';
import { resolveComms } from './comms-settings.ts';
import type { Installation } from '../shared/installation.ts';

export async function readCommsSettings(db: Db, organizationId: string, installation: Installation): Promise<CommsSettings> {
  const row = await db.selectFrom('comms_settings').selectAll().where('organization_id', '=', organizationId).executeTakeFirst();
  const resolved = await resolveComms(db, organizationId, installation);
  return {
    smtpHost: row?.smtp_host ?? null,
    smtpPort: row?.smtp_port ?? null,
    smtpSecure: row?.smtp_secure ?? false,
    smtpUser: row?.smtp_user ?? null,
    smtpPasswordSet: Boolean(row?.smtp_password),
    smtpFrom: row?.smtp_from ?? null,
    publicUrl: row?.public_url ?? null,
    smsAccountSid: row?.sms_account_sid ?? null,
    smsAuthTokenSet: Boolean(row?.sms_auth_token),
    smsFromNumber: row?.sms_from_number ?? null,
    smsApiBaseUrl: row?.sms_api_base_url ?? null,
    smsSendFrom: resolved.smsWindow.from.slice(0, 5),
    smsSendUntil: resolved.smsWindow.until.slice(0, 5),
    smsReady: resolved.sms !== null,
    effectiveSource: resolved.source,
  };
}

/**
 * The practice's mail settings. The password is never returned, only whether one is stored.
 * `installation`: its mail server and link base (the server's Config).
 */
export async function getCommsSettings(ctx: Ctx, installation: Installation): Promise<CommsSettings> {
  requirePermission(ctx, 'settings:manage');
  return readCommsSettings(ctx.db, ctx.organizationId, installation);
}
