import { sql } from 'kysely';
import type { RoleAssignment } from '../access/index.ts';
import { requirePermission } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { inTransaction, type Ctx } from '../shared/context.ts';
import { assertAdminRemains, assertHoldsRoles, assertMayManage, refuseSelf } from './admin-guard.ts';
import { checkRoleLocations, setRoles } from './create-user.ts';
import type { User } from './identity.schemas.ts';
import { findUser, loadUser, rolesOf } from './user-row.ts';

/** Replace a user's roles (per location). Audited as 'role_change' with before/after; effective on the user's next request. */
export async function setUserRoles(ctx: Ctx, userId: string, roles: RoleAssignment[]): Promise<User> {
  requirePermission(ctx, 'user:manage');
  refuseSelf(ctx, userId, 'change the roles of');
  return inTransaction(ctx, async (tx) => {
    // One role change at a time per organization, so the last-admin check cannot be raced.
    await sql`select pg_advisory_xact_lock(hashtext(${`user-roles:${tx.organizationId}`}))`.execute(tx.db);
    await findUser(tx, userId, { forUpdate: true });
    await assertMayManage(tx, userId, 'change the roles of');
    assertHoldsRoles(tx, roles, 'give');
    await checkRoleLocations(tx, roles);
    const before = (await rolesOf(tx, [userId])).get(userId) ?? [];
    await setRoles(tx, userId, roles);
    await assertAdminRemains(tx);
    const after = (await rolesOf(tx, [userId])).get(userId) ?? [];
    await recordAudit(tx, { action: 'role_change', resourceType: 'user', resourceId: userId, changes: { roles: { before, after } } });
    return loadUser(tx, userId);
  });
}
