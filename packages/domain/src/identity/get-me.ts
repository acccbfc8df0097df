/** The signed-in user as the web shell needs it: roles, effective permissions, organization. */
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
    .selectFrom('organizations')
    .select(['id', 'name'])
    .where('id', '=', user.organization_id)
    .executeTakeFirstOrThrow();
  const effective = locationId === null ? roles.map((r) => ({ ...r, locationId: null })) : roles;
  const permissions = [...permissionsAt(effective, locationId)].sort() as Permission[];
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
  };
}
