/**
 * Guards on managing staff accounts: a practice never locks itself out of its own
 * administration, and nobody manages an account more privileged than their own.
 */
import { managesRole, type RoleAssignment } from '../access/index.ts';
import type { Ctx } from '../shared/context.ts';
import { AppError } from '../shared/errors.ts';
import { rolesOf } from './user-row.ts';

/** After a change inside `ctx`'s transaction: at least one active admin for all locations must remain. */
export async function assertAdminRemains(ctx: Ctx): Promise<void> {
  const admin = await ctx.db
    .selectFrom('user_roles as r')
    .innerJoin('users as u', 'u.id', 'r.user_id')
    .select('u.id')
    .where('r.organization_id', '=', ctx.organizationId)
    .where('r.role', '=', 'admin')
    .where('r.location_id', 'is', null)
    .where('u.active', '=', true)
    .limit(1)
    .executeTakeFirst();
  if (!admin) throw new AppError('CONFLICT', 'the practice must keep at least one active administrator for all locations');
}

/** Nobody deactivates, re-invites or changes the roles or MFA of their own account through user management. */
export function refuseSelf(ctx: Ctx, userId: string, what: string): void {
  if (ctx.actor.kind === 'user' && ctx.actor.userId === userId) throw new AppError('CONFLICT', `you cannot ${what} your own account`);
}

/**
 * Refuses unless the actor's roles cover every role in `roles` (managesRole: the administrator
 * covers all, others the roles whose permissions are all their own) where it applies: a
 * practice-wide role only from a practice-wide grant, a location's role from a practice-wide
 * grant or one at that location (and only grants that act at the request's location count).
 * An office manager therefore cannot create, promote or take over an administrator.
 */
export function assertHoldsRoles(ctx: Ctx, roles: readonly RoleAssignment[], what: string): void {
  // The system manages accounts only for a purpose that holds user:manage (ensure-admin, the
  // CLI's user commands, demo seeding): whoever runs those is the installation's operator.
  if (ctx.actor.kind === 'system' && ctx.actor.permissions.has('user:manage')) return;
  if (ctx.actor.kind !== 'user') throw new AppError('FORBIDDEN');
  const here = ctx.actor.roles.filter((g) => g.locationId === null || g.locationId === ctx.locationId);
  const missing = roles.find(
    (r) => !here.some((g) => managesRole(g.role, r.role) && (g.locationId === null || g.locationId === r.locationId)),
  );
  if (missing) {
    const scope = missing.locationId === null ? 'at every location' : 'at that location';
    throw new AppError('FORBIDDEN', `you cannot ${what} an account with the ${missing.role} role ${scope}: your own roles do not cover it`);
  }
}

/** The target account's roles must all be the actor's own (see assertHoldsRoles). */
export async function assertMayManage(ctx: Ctx, userId: string, what: string): Promise<void> {
  assertHoldsRoles(ctx, (await rolesOf(ctx, [userId])).get(userId) ?? [], what);
}
