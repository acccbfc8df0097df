/**
 * The practice-wide part of organizations.settings (JSON): the MFA requirement and
 * the idle timeout (security), and the schedule's `ical_show_patient_names` and
 * `no_show_after_minutes` (which the scheduling module's feed, snapshot and no-show job read
 * through the organization_schedule_settings view, migration 0090: keep its parsing in step).
 * Other modules keep their own keys in the same object (module-settings.ts); a change here
 * merges, never replaces it.
 */
import { z } from 'zod';
import type { Db } from '../shared/context.ts';

export const DEFAULT_IDLE_TIMEOUT_SECONDS = 15 * 60;
export const MAX_IDLE_TIMEOUT_SECONDS = 30 * 60;
export const MIN_IDLE_TIMEOUT_SECONDS = 60;
/** The automatic no-show waits this long after the start unless the practice chose otherwise. */
export const DEFAULT_NO_SHOW_AFTER_MINUTES = 30;
export const MIN_NO_SHOW_AFTER_MINUTES = 5;
export const MAX_NO_SHOW_AFTER_MINUTES = 240;

export const organizationSettingsSchema = z.object({
  requireMfa: z.boolean(),
  /** True when the installation forces MFA off (CLINICDESK_REQUIRE_MFA=0: development and tests only). */
  requireMfaForcedOff: z.boolean(),
  idleTimeoutSeconds: z.number().int(),
  /** Patient names in providers' iCalendar feeds (phones, outside calendars): off unless the practice opts in. */
  icalShowPatientNames: z.boolean(),
  /** Minutes after the start before a visit nobody checked in becomes no_show. */
  noShowAfterMinutes: z.number().int(),
});
export type OrganizationSettings = z.infer<typeof organizationSettingsSchema>;

export const organizationSettingsPatchSchema = z.strictObject({
  requireMfa: z.boolean().optional(),
  idleTimeoutSeconds: z.number().int().min(MIN_IDLE_TIMEOUT_SECONDS).max(MAX_IDLE_TIMEOUT_SECONDS).optional(),
  icalShowPatientNames: z.boolean().optional(),
  /** Visits booked later are checked at the new delay; booked ones at the old one (re-queued there when the delay grew). */
  noShowAfterMinutes: z.number().int().min(MIN_NO_SHOW_AFTER_MINUTES).max(MAX_NO_SHOW_AFTER_MINUTES).optional(),
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

export type StoredOrganizationSettings = Omit<OrganizationSettings, 'requireMfaForcedOff'>;

/** All the settings this module owns, as stored, with defaults. */
export function parseOrganizationSettings(raw: Record<string, unknown>): StoredOrganizationSettings {
  const noShow = Number(raw.no_show_after_minutes);
  return {
    ...parseSecuritySettings(raw),
    icalShowPatientNames: raw.ical_show_patient_names === true,
    noShowAfterMinutes: Number.isInteger(noShow) && noShow >= 0 ? noShow : DEFAULT_NO_SHOW_AFTER_MINUTES,
  };
}

export async function readOrganizationSettings(db: Db, organizationId: string): Promise<StoredOrganizationSettings> {
  const org = await db.selectFrom('organizations').select('settings').where('id', '=', organizationId).executeTakeFirstOrThrow();
  return parseOrganizationSettings(org.settings);
}

export async function readSecuritySettings(db: Db, organizationId: string): Promise<{ requireMfa: boolean; idleTimeoutSeconds: number }> {
  const org = await db.selectFrom('organizations').select('settings').where('id', '=', organizationId).executeTakeFirstOrThrow();
  return parseSecuritySettings(org.settings);
}
