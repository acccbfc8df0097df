/**
 * The security part of organizations.settings (JSON): the MFA requirement and
 * the idle timeout. Other modules keep their own keys in the same object; a
 * change here merges, never replaces it.
 */
import { z } from 'zod';
import type { Db } from '../shared/context.ts';

export const DEFAULT_IDLE_TIMEOUT_SECONDS = 15 * 60;
export const MAX_IDLE_TIMEOUT_SECONDS = 30 * 60;
export const MIN_IDLE_TIMEOUT_SECONDS = 60;

export const organizationSettingsSchema = z.object({
  requireMfa: z.boolean(),
  /** True when the installation forces MFA off (CLINICDESK_REQUIRE_MFA=0: development and tests only). */
  requireMfaForcedOff: z.boolean(),
  idleTimeoutSeconds: z.number().int(),
});
export type OrganizationSettings = z.infer<typeof organizationSettingsSchema>;

export const organizationSettingsPatchSchema = z.strictObject({
  requireMfa: z.boolean().optional(),
  idleTimeoutSeconds: z.number().int().min(MIN_IDLE_TIMEOUT_SECONDS).max(MAX_IDLE_TIMEOUT_SECONDS).optional(),
});
export type OrganizationSettingsPatch = z.infer<typeof organizationSettingsPatchSchema>;

/** The settings as stored, with defaults for missing or out-of-range values. */
export function parseSecuritySettings(raw: Record<string, unknown>): { requireMfa: boolean; idleTimeoutSeconds: number } {
  const idle = Number(raw.idle_timeout_seconds);
  return {
    requireMfa: raw.require_mfa === true,
    idleTimeoutSeconds:
      Number.isInteger(idle) && idle >= MIN_IDLE_TIMEOUT_SECONDS ? Math.min(idle, MAX_IDLE_TIMEOUT_SECONDS) : DEFAULT_IDLE_TIMEOUT_SECONDS,
  };
}

export async function readSecuritySettings(db: Db, organizationId: string): Promise<{ requireMfa: boolean; idleTimeoutSeconds: number }> {
  const org = await db.selectFrom('organizations').select('settings').where('id', '=', organizationId).executeTakeFirstOrThrow();
  return parseSecuritySettings(org.settings);
}
