import { requirePermission } from '../access/index.ts';
import { diffFields, recordAudit } from '../audit/index.ts';
import { type Ctx, inTransaction } from '../shared/context.ts';
import type { CommsSettings, CommsSettingsPatch } from './comms.schemas.ts';
import type { Installation } from '../shared/installation.ts';
import { readCommsSettings } from './get-comms-settings.ts';

/**
 * Change the practice's SMTP server, sender or link base. Omitted fields keep their
 * value; the password is write-only and its audit row says only that it changed.
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
      updated_at: tx.clock.now(),
    };
    await tx.db
      .insertInto('comms_settings')
      .values({ organization_id: tx.organizationId, ...set })
      .onConflict((oc) => oc.column('organization_id').doUpdateSet(set))
      .execute();
    const after = await readCommsSettings(tx.db, tx.organizationId, installation);
    await recordAudit(tx, {
      action: 'update',
      resourceType: 'comms_settings',
      resourceId: tx.organizationId,
      changes: diffFields(before, after),
      details: patch.smtpPassword !== undefined ? { passwordChanged: true } : null,
    });
    return after;
  });
}
