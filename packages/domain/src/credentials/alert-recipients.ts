/**
 * Who hears of a credential's expiry: the holder's own account(s) and the office managers of
 * the locations where the holder works (the locations of their role grants and their staff
 * profile's home location). A holder with no location (practice-wide roles, no home, or a
 * provider without an account) falls back to the practice-wide office managers (a role not
 * limited to one location), else every office manager of the practice.
 */
import { officeManagersAt, type StaffContact, staffAccountsOf } from '../identity/index.ts';
import type { Ctx } from '../shared/context.ts';
import { homeLocationsOf } from '../staff/index.ts';

export async function credentialAlertRecipients(
  ctx: Ctx,
  holder: { userId: string | null; providerId: string | null },
): Promise<StaffContact[]> {
  const org = ctx.organizationId;
  const accounts = await staffAccountsOf(ctx.db, org, holder);
  const ids = accounts.map((a) => a.id);
  const locations = new Set<string>();
  if (ids.length > 0) {
    const grants = await ctx.db
      .selectFrom('staff_roles')
      .select('location_id')
      .distinct()
      .where('organization_id', '=', org)
      .where('user_id', 'in', ids)
      .where('location_id', 'is not', null)
      .execute();
    for (const g of grants) if (g.location_id) locations.add(g.location_id);
    for (const home of (await homeLocationsOf(ctx, ids)).values()) if (home) locations.add(home);
  }
  const managers: StaffContact[] = [];
  if (locations.size > 0) {
    for (const locationId of [...locations].sort()) managers.push(...(await officeManagersAt(ctx.db, org, locationId)));
  } else {
    const all = await officeManagersAt(ctx.db, org, null);
    const wide = await practiceWideManagerIds(ctx, all);
    managers.push(...(wide.size > 0 ? all.filter((m) => wide.has(m.id)) : all));
  }
  const byId = new Map<string, StaffContact>();
  for (const p of [...accounts, ...managers]) if (!byId.has(p.id)) byId.set(p.id, p);
  return [...byId.values()];
}

/** Those of `managers` whose office-manager role is not limited to one location. */
async function practiceWideManagerIds(ctx: Ctx, managers: StaffContact[]): Promise<Set<string>> {
  if (managers.length === 0) return new Set();
  const rows = await ctx.db
    .selectFrom('staff_roles')
    .select('user_id')
    .where('organization_id', '=', ctx.organizationId)
    .where('role', '=', 'office_manager')
    .where('location_id', 'is', null)
    .where(
      'user_id',
      'in',
      managers.map((m) => m.id),
    )
    .execute();
  return new Set(rows.map((r) => r.user_id));
}
