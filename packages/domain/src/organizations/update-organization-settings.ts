import { sql } from 'kysely';
import { diffFields, recordAudit } from '../audit/index.ts';
import { requirePermission } from '../access/index.ts';
import { inTransaction, type Ctx } from '../shared/context.ts';
import { type OrganizationSettings, type OrganizationSettingsPatch, parseOrganizationSettings } from './organization-settings.ts';

/**
 * Change the MFA requirement, the idle timeout, patient names in iCal feeds or the
 * no-show delay. Merged into the settings JSON (other keys untouched); audited with
 * before/after. A new idle timeout applies to sessions started after the change.
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
    if (patch.icalShowPatientNames !== undefined) stored.ical_show_patient_names = patch.icalShowPatientNames;
    if (patch.noShowAfterMinutes !== undefined) stored.no_show_after_minutes = patch.noShowAfterMinutes;
    const row = await tx.db
      .updateTable('organizations')
      .set({ settings: sql<string>`settings || ${JSON.stringify(stored)}::jsonb` })
      .where('id', '=', tx.organizationId)
      .returning('settings')
      .executeTakeFirstOrThrow();
    const before = parseOrganizationSettings(current.settings);
    const after = parseOrganizationSettings(row.settings);
    await recordAudit(tx, {
      action: 'update',
      resourceType: 'organization_settings',
      resourceId: tx.organizationId,
      changes: diffFields(before, after),
    });
    return { ...after, requireMfaForcedOff: opts.mfaForcedOff === true };
  });
}
