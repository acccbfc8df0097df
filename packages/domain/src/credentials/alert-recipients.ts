/**
 * Who hears of a credential's expiry: the holder's own account(s) and the office managers of
 * the locations where the holder works (the locations of their role grants and their staff
 * profile's home location). A holder with no location (practice-wide roles, no home, or a
 * provider without an account) falls back to the practice-wide office managers (a role not
 * limited to one location), else every office manager of the practice.
 */
import { grantLocationsOf, officeManagersAt, practiceWideOfficeManagers, type StaffContact, staffAccountsOf } from '../identity/index.ts';
import type { Ctx } from '../shared/context.ts';
import { homeLocationsOf } from '../staff/index.ts';

export async function credentialAlertRecipients(
  ctx: Ctx,
  holder: { userId: string | null; providerId: string | null },
): Promise<StaffContact[]> {
  const org = ctx.organizationId;
  const accounts = await staffAccountsOf(ctx.db, org, holder);
  const ids = accounts.map((a) => a.id);
  const locations = new Set(await grantLocationsOf(ctx.db, org, ids));
  if (ids.length > 0) for (const home of (await homeLocationsOf(ctx, ids)).values()) if (home) locations.add(home);
  const managers: StaffContact[] = [];
  if (locations.size > 0) {
    for (const locationId of [...locations].sort()) managers.push(...(await officeManagersAt(ctx.db, org, locationId)));
  } else {
    const wide = await practiceWideOfficeManagers(ctx.db, org);
    managers.push(...(wide.length > 0 ? wide : await officeManagersAt(ctx.db, org, null)));
  }
  const byId = new Map<string, StaffContact>();
  for (const p of [...accounts, ...managers]) if (!byId.has(p.id)) byId.set(p.id, p);
  return [...byId.values()];
}
