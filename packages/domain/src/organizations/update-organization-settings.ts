import { sql } from 'kysely';
import { diffFields, recordAudit } from '../audit/index.ts';
import { requirePermission } from '../access/index.ts';
import { inTransaction, type Ctx } from '../shared/context.ts';
import { type OrganizationSettings, type OrganizationSettingsPatch, parseSecuritySettings } from './organization-settings.ts';

/**
 * Change the MFA requirement or the idle timeout. Merged into the settings JSON
 * (other keys untouched); audited with before/after. A new idle timeout applies
 * to sessions started after the change.
 */
export async function updateOrganizationSettings(
  ctx: Ctx,
  patch: OrganizationSettingsPatch,
  opts: { mfaForcedOff?: boolean } = {},
): Promise<OrganizationSettings> {
  requirePermission(ctx, 'settings:manage');
  return inTransaction(ctx, async (tx) => {
    const current = await tx.db
      .selectFrom('organizations')
      .select('settings')
      .where('id', '=', tx.organizationId)
      .forUpdate()
      .executeTakeFirstOrThrow();
    const stored: Record<string, unknown> = {};
    if (patch.requireMfa !== undefined) stored.require_mfa = patch.requireMfa;
    if (patch.idleTimeoutSeconds !== undefined) stored.idle_timeout_seconds = patch.idleTimeoutSeconds;
    const row = await tx.db
      .updateTable('organizations')
      .set({ settings: sql<string>`settings || ${JSON.stringify(stored)}::jsonb` })
      .where('id', '=', tx.organizationId)
      .returning('settings')
      .executeTakeFirstOrThrow();
    const before = parseSecuritySettings(current.settings);
    const after = parseSecuritySettings(row.settings);
    await recordAudit(tx, {
      action: 'update',
      resourceType: 'organization_settings',
      resourceId: tx.organizationId,
      changes: diffFields(before, after),
    });
    return { ...after, requireMfaForcedOff: opts.mfaForcedOff === true };
  });
}
