/**
 * Whom to tell about a staff matter (a credential about to expire, overdue training, a
 * service due): the person's own active account(s) and the location's office managers.
 * For background jobs: plain reads on the job's handle (the job names the organization).
 */
import { type RawBuilder, sql } from 'kysely';
import type { Db } from '../shared/context.ts';
import { invalid } from '../shared/errors.ts';

export interface StaffContact {
  id: string;
  email: string;
  displayName: string;
}

/** The active account of `userId`, or the active accounts linked to `providerId`. */
export async function staffAccountsOf(
  db: Db,
  organizationId: string,
  who: { userId?: string | null; providerId?: string | null },
): Promise<StaffContact[]> {
  if (!who.userId && !who.providerId) return [];
  let q = db
    .selectFrom('users')
    .select(['id', 'email', 'display_name as displayName'])
    .where('organization_id', '=', organizationId)
    .where('active', '=', true);
  q = who.userId ? q.where('id', '=', who.userId) : q.where('provider_id', '=', who.providerId as string);
  return q.orderBy('id').execute();
}

/**
 * Active office managers who act at `locationId` (a practice-wide role, or one granted at that
 * location); with `locationId` null, every active office manager of the practice.
 */
export async function officeManagersAt(db: Db, organizationId: string, locationId: string | null): Promise<StaffContact[]> {
  return officeManagersWhere(
    db,
    organizationId,
    locationId ? sql<boolean>`(r.location_id is null or r.location_id = ${locationId}::uuid)` : sql<boolean>`true`,
  );
}

/** Active office managers of the practice whose office-manager grant `grant` (over `r`, the role row) admits, by id. */
function officeManagersWhere(db: Db, organizationId: string, grant: RawBuilder<boolean>): Promise<StaffContact[]> {
  return db
    .selectFrom('users as u')
    .select(['u.id', 'u.email', 'u.display_name as displayName'])
    .where('u.organization_id', '=', organizationId)
    .where('u.active', '=', true)
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom('user_roles as r').select('r.id').whereRef('r.user_id', '=', 'u.id').where('r.role', '=', 'office_manager').where(grant),
      ),
    )
    .orderBy('u.id')
    .execute();
}

/** Active office managers whose role is not limited to one location (they act at every location). */
export async function practiceWideOfficeManagers(db: Db, organizationId: string): Promise<StaffContact[]> {
  return officeManagersWhere(db, organizationId, sql<boolean>`r.location_id is null`);
}

/** The locations where active accounts among `userIds` hold a role (grants limited to one location; practice-wide ones name none), sorted. */
export async function grantLocationsOf(db: Db, organizationId: string, userIds: readonly string[]): Promise<string[]> {
  if (userIds.length === 0) return [];
  const rows = await db
    .selectFrom('user_roles as r')
    .innerJoin('users as u', 'u.id', 'r.user_id')
    .select('r.location_id')
    .distinct()
    .where('r.organization_id', '=', organizationId)
    .where('u.active', '=', true)
    .where('r.user_id', 'in', [...userIds])
    .where('r.location_id', 'is not', null)
    .orderBy('r.location_id')
    .execute();
  return rows.flatMap((r) => (r.location_id ? [r.location_id] : []));
}

/** Active staff accounts among `ids` (the others are unknown, inactive or another practice's). */
export async function activeStaffIds(db: Db, organizationId: string, ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('users')
    .select('id')
    .where('organization_id', '=', organizationId)
    .where('active', '=', true)
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return rows.map((r) => r.id);
}

/** Active accounts holding any role at `locationId` (a practice-wide role counts everywhere). */
export async function staffIdsAt(db: Db, organizationId: string, locationId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('users as u')
    .select('u.id')
    .where('u.organization_id', '=', organizationId)
    .where('u.active', '=', true)
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom('user_roles as r')
          .select('r.id')
          .whereRef('r.user_id', '=', 'u.id')
          .where(sql<boolean>`(r.location_id is null or r.location_id = ${locationId}::uuid)`),
      ),
    )
    .execute();
  return rows.map((r) => r.id);
}

/**
 * A person a record names (an assignee, an owner, whom a follow-up is for): an active member of
 * staff of the practice, else a 400 naming `field`. Nothing named passes. Answers their name and
 * linked provider.
 */
export async function requireActiveStaff(
  ctx: { db: Db; organizationId: string },
  userId: string | null | undefined,
  field: string,
): Promise<{ id: string; name: string; providerId: string | null } | null> {
  if (!userId) return null;
  const row = await ctx.db
    .selectFrom('staff_directory')
    .select(['id', 'display_name', 'provider_id'])
    .where('organization_id', '=', ctx.organizationId)
    .where('id', '=', userId)
    .where('active', '=', true)
    .executeTakeFirst();
  if (!row) throw invalid(field, 'Choose an active member of staff of this practice.');
  return { id: row.id, name: row.display_name, providerId: row.provider_id };
}
