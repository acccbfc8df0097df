import { describe, expect, it } from 'vitest';
import {
  DEFAULT_IDLE_TIMEOUT_SECONDS,
  DEFAULT_NO_SHOW_AFTER_MINUTES,
  MAX_IDLE_TIMEOUT_SECONDS,
  MIN_IDLE_TIMEOUT_SECONDS,
  organizationSettingsPatchSchema,
  parseOrganizationSettings,
  parseSecuritySettings,
} from './organization-settings.ts';

describe('parseSecuritySettings', () => {
  it('gives the defaults for an empty settings object', () => {
    expect(parseSecuritySettings({})).toEqual({ requireMfa: false, idleTimeoutSeconds: DEFAULT_IDLE_TIMEOUT_SECONDS });
  });

  it('requires MFA only for a stored true, not for a truthy look-alike', () => {
    expect(parseSecuritySettings({ require_mfa: true }).requireMfa).toBe(true);
    for (const v of ['true', 1, 'yes', null]) expect(parseSecuritySettings({ require_mfa: v }).requireMfa, String(v)).toBe(false);
  });

  it('keeps an idle timeout in range, caps one above the maximum, and ignores one below the minimum or not a whole number', () => {
    expect(parseSecuritySettings({ idle_timeout_seconds: 600 }).idleTimeoutSeconds).toBe(600);
    expect(parseSecuritySettings({ idle_timeout_seconds: MIN_IDLE_TIMEOUT_SECONDS }).idleTimeoutSeconds).toBe(MIN_IDLE_TIMEOUT_SECONDS);
    expect(parseSecuritySettings({ idle_timeout_seconds: MAX_IDLE_TIMEOUT_SECONDS }).idleTimeoutSeconds).toBe(MAX_IDLE_TIMEOUT_SECONDS);
    // Never longer than the maximum, whatever was stored.
    expect(parseSecuritySettings({ idle_timeout_seconds: 86_400 }).idleTimeoutSeconds).toBe(MAX_IDLE_TIMEOUT_SECONDS);
    for (const v of [MIN_IDLE_TIMEOUT_SECONDS - 1, 0, -5, 90.5, 'abc', null, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(parseSecuritySettings({ idle_timeout_seconds: v }).idleTimeoutSeconds, String(v)).toBe(DEFAULT_IDLE_TIMEOUT_SECONDS);
    }
  });
});

describe('parseOrganizationSettings', () => {
  it('adds the schedule settings with their defaults', () => {
    expect(parseOrganizationSettings({})).toEqual({
      requireMfa: false,
      idleTimeoutSeconds: DEFAULT_IDLE_TIMEOUT_SECONDS,
      icalShowPatientNames: false,
      noShowAfterMinutes: DEFAULT_NO_SHOW_AFTER_MINUTES,
    });
  });

  it('shows patient names in calendar feeds only for a stored true', () => {
    expect(parseOrganizationSettings({ ical_show_patient_names: true }).icalShowPatientNames).toBe(true);
    expect(parseOrganizationSettings({ ical_show_patient_names: 'true' }).icalShowPatientNames).toBe(false);
  });

  it('keeps a stored no-show delay and falls back to the default for a negative or non-integer one', () => {
    expect(parseOrganizationSettings({ no_show_after_minutes: 45 }).noShowAfterMinutes).toBe(45);
    for (const v of [-1, 12.5, 'soon']) {
      expect(parseOrganizationSettings({ no_show_after_minutes: v }).noShowAfterMinutes, String(v)).toBe(DEFAULT_NO_SHOW_AFTER_MINUTES);
    }
  });

  it("ignores other modules' keys in the same object", () => {
    expect(parseOrganizationSettings({ waitlist_offer_minutes: 10, idle_timeout_seconds: 300 })).toMatchObject({ idleTimeoutSeconds: 300 });
  });
});

describe('organizationSettingsPatchSchema', () => {
  it('takes any subset within the limits and refuses unknown fields and values out of range', () => {
    expect(organizationSettingsPatchSchema.parse({})).toEqual({});
    expect(organizationSettingsPatchSchema.parse({ idleTimeoutSeconds: 300, noShowAfterMinutes: 5 })).toEqual({
      idleTimeoutSeconds: 300,
      noShowAfterMinutes: 5,
    });
    for (const patch of [
      { idleTimeoutSeconds: MIN_IDLE_TIMEOUT_SECONDS - 1 },
      { idleTimeoutSeconds: MAX_IDLE_TIMEOUT_SECONDS + 1 },
      { idleTimeoutSeconds: 300.5 },
      { noShowAfterMinutes: 4 },
      { noShowAfterMinutes: 241 },
      { requireMfaForcedOff: true },
      { somethingElse: 1 },
    ]) {
      expect(organizationSettingsPatchSchema.safeParse(patch).success, JSON.stringify(patch)).toBe(false);
    }
  });
});
