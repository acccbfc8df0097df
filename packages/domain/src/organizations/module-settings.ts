/**
 * Keys other modules keep in organizations.settings (the waitlist's `waitlist_offer_minutes`):
 * organizations owns the row, so they read and merge their own keys through here. The keys
 * this module parses itself (organization-settings.ts) are not writable here: they change
 * through updateOrganizationSettings, validated and audited.
 */
import { sql } from 'kysely';
import type { Db } from '../shared/context.ts';

const OWN_KEYS: ReadonlySet<string> = new Set(['require_mfa', 'idle_timeout_seconds', 'ical_show_patient_names', 'no_show_after_minutes']);

/** The stored values of `keys` (absent keys are left out). */
export async function readModuleSettings(db: Db, organizationId: string, keys: readonly string[]): Promise<Record<string, unknown>> {
  const org = await db.selectFrom('organizations').select('settings').where('id', '=', organizationId).executeTakeFirstOrThrow();
  return Object.fromEntries(keys.filter((k) => Object.hasOwn(org.settings, k)).map((k) => [k, org.settings[k]]));
}

/** Merge `values` into the settings (other keys untouched). The caller validates and audits them. */
export async function mergeModuleSettings(db: Db, organizationId: string, values: Record<string, unknown>): Promise<void> {
  const own = Object.keys(values).filter((k) => OWN_KEYS.has(k));
  if (own.length > 0) throw new Error(`organization settings ${own.join(', ')} change through updateOrganizationSettings`);
  await db
    .updateTable('organizations')
    .set({ settings: sql<string>`settings || ${JSON.stringify(values)}::jsonb` })
    .where('id', '=', organizationId)
    .execute();
}
