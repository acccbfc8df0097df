import { requirePermission } from '../access/index.ts';
import { diffFields, recordAudit } from '../audit/index.ts';
import { type Ctx, inTransaction } from '../shared/context.ts';
import { invalid } from '../shared/errors.ts';
import type { CommsSettings, CommsSettingsPatch } from './comms.schemas.ts';
import type { Installation } from '../shared/installation.ts';
import { readCommsSettings } from './get-comms-settings.ts';

/**
 * Change the practice's SMTP server, sender, link base, or SMS account and sending hours. Omitted fields keep their
 * value; the password and the SMS auth token are write-only and its audit row says only that it changed.
 * `installation`: its mail server and link base (the server's Config).
 */
export async function updateCommsSettings(ctx: Ctx, patch: CommsSettingsPatch, installation: Installation): Promise<CommsSettings> {
  requirePermission(ctx, 'settings:manage');
  return inTransaction(ctx, async (tx) => {
    const before = await readCommsSettings(tx.db, tx.organizationId, installation);
    const set = {
      ...(patch.smtpHost !== undefined && { smtp_host: patch.smtpHost }),
      ...(patch.smtpPort !== undefined && { smtp_port: patch.smtpPort }),
      ...(patch.smtpSecure !== undefined && { smtp_secure: patch.smtpSecure }),
      ...(patch.smtpUser !== undefined && { smtp_user: patch.smtpUser || null }),
      ...(patch.smtpPassword !== undefined && { smtp_password: patch.smtpPassword || null }),
      ...(patch.smtpFrom !== undefined && { smtp_from: patch.smtpFrom || null }),
      ...(patch.publicUrl !== undefined && { public_url: patch.publicUrl }),
      ...(patch.smsAccountSid !== undefined && { sms_account_sid: patch.smsAccountSid || null }),
      ...(patch.smsAuthToken !== undefined && { sms_auth_token: patch.smsAuthToken || null }),
      ...(patch.smsFromNumber !== undefined && { sms_from_number: patch.smsFromNumber || null }),
      ...(patch.smsApiBaseUrl !== undefined && { sms_api_base_url: patch.smsApiBaseUrl || null }),
      ...(patch.smsSendFrom !== undefined && { sms_send_from: patch.smsSendFrom }),
      ...(patch.smsSendUntil !== undefined && { sms_send_until: patch.smsSendUntil }),
      updated_at: tx.clock.now(),
    };
    try {
      await tx.db
        .insertInto('comms_settings')
        .values({ organization_id: tx.organizationId, ...set })
        .onConflict((oc) => oc.column('organization_id').doUpdateSet(set))
        .execute();
    } catch (e) {
      const code = (e as { code?: string; constraint?: string }).code;
      const constraint = (e as { constraint?: string }).constraint;
      if (code === '23505' && constraint === 'comms_settings_sms_number')
        throw invalid('smsFromNumber', 'another practice on this server texts from that number');
      if (code === '23514' && constraint === 'comms_settings_sms_window') throw invalid('smsSendUntil', 'must be after smsSendFrom');
      throw e;
    }
    const after = await readCommsSettings(tx.db, tx.organizationId, installation);
    await recordAudit(tx, {
      action: 'update',
      resourceType: 'comms_settings',
      resourceId: tx.organizationId,
      changes: diffFields(before, after),
      details:
        patch.smtpPassword !== undefined || patch.smsAuthToken !== undefined
          ? {
              ...(patch.smtpPassword !== undefined && { passwordChanged: true as const }),
              ...(patch.smsAuthToken !== undefined && { smsAuthTokenChanged: true as const }),
            }
          : null,
    });
    return after;
  });
}
