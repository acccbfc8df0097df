/**
 * The signed-in user as the web shell needs it: roles, effective permissions, organization.
 * The practice and its locations come from the views organizations declares (names only).
 */
import { type Permission, permissionsAt, type Role } from '../access/index.ts';
import type { Ctx } from '../shared/context.ts';

export async function getMe(ctx: Ctx, userId: string, locationId: string | null) {
  const user = await ctx.db
    .selectFrom('users')
    .select(['id', 'email', 'display_name', 'provider_id', 'organization_id', 'mfa_enabled'])
    .where('id', '=', userId)
    .where('organization_id', '=', ctx.organizationId)
    .executeTakeFirstOrThrow();
  const roles = (await ctx.db.selectFrom('user_roles').select(['role', 'location_id']).where('user_id', '=', userId).execute()).map(
    (r) => ({ role: r.role as Role, locationId: r.location_id }),
  );
  const org = await ctx.db
    .selectFrom('organization_directory')
    .select(['id', 'name'])
    .where('id', '=', user.organization_id)
    .executeTakeFirstOrThrow();
  // Location-limited roles count only at their location (never without a chosen location).
  const permissions = [...permissionsAt(roles, locationId)].sort() as Permission[];
  const everywhere = roles.some((r) => r.locationId === null);
  const own = [...new Set(roles.map((r) => r.locationId).filter((l): l is string => l !== null))];
  const locations =
    everywhere || own.length > 0
      ? await ctx.db
          .selectFrom('location_directory')
          .select(['id', 'name'])
          .where('organization_id', '=', ctx.organizationId)
          .where('active', '=', true)
          .$if(!everywhere, (q) => q.where('id', 'in', own))
          .orderBy('name')
          .orderBy('id')
          .execute()
      : [];
  return {
    user: {
      id: user.id,
      email: user.email,
      displayName: user.display_name,
      providerId: user.provider_id,
      mfaEnabled: user.mfa_enabled,
      roles,
      permissions,
    },
    organization: org,
    /** Where the user can work: every active location with a practice-wide role, else the locations of their roles. */
    locations,
  };
}
