import { requirePermission } from '../access/index.ts';
import type { Ctx } from '../shared/context.ts';
import { type OrganizationSettings, readOrganizationSettings } from './organization-settings.ts';

/** The practice's settings (security and schedule). `mfaForcedOff` is the installation override (CLINICDESK_REQUIRE_MFA=0). */
export async function getOrganizationSettings(ctx: Ctx, opts: { mfaForcedOff?: boolean } = {}): Promise<OrganizationSettings> {
  requirePermission(ctx, 'settings:manage');
  const s = await readOrganizationSettings(ctx.db, ctx.organizationId);
  return { ...s, requireMfaForcedOff: opts.mfaForcedOff === true };
}
