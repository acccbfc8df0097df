/** Create a staff account with roles. Emails are unique across the installation. */
import { recordAudit } from '../audit/record-audit.ts';
import type { Role, RoleAssignment } from '../access/permissions.ts';
import { inTransaction, type Ctx } from '../shared/context.ts';
import { AppError } from '../shared/errors.ts';
import { checkPasswordPolicy, hashPassword } from './passwords.ts';

export interface CreateUserInput {
  email: string;
  displayName: string;
  password?: string | undefined;
  roles: RoleAssignment[];
  providerId?: string | null | undefined;
}

export async function createUser(ctx: Ctx, input: CreateUserInput): Promise<{ id: string }> {
  const email = input.email.trim().toLowerCase();
  if (input.password !== undefined) checkPasswordPolicy(input.password, { email });
  const passwordHash = input.password !== undefined ? await hashPassword(input.password) : null;
  return inTransaction(ctx, async (tx) => {
    const taken = await tx.db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst();
    if (taken)
      throw new AppError('ALREADY_EXISTS', 'a user with this email exists', { errors: [{ path: 'email', message: 'already in use' }] });
    const user = await tx.db
      .insertInto('users')
      .values({
        organization_id: tx.organizationId,
        email,
        display_name: input.displayName,
        password_hash: passwordHash,
        password_changed_at: passwordHash ? tx.clock.now() : null,
        provider_id: input.providerId ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await setRoles(tx, user.id, input.roles);
    await recordAudit(tx, {
      action: 'create',
      resourceType: 'user',
      resourceId: user.id,
      changes: { roles: { before: [], after: input.roles } },
    });
    return user;
  });
}

export async function setRoles(ctx: Ctx, userId: string, roles: RoleAssignment[]): Promise<void> {
  await ctx.db.deleteFrom('user_roles').where('user_id', '=', userId).execute();
  if (roles.length === 0) return;
  await ctx.db
    .insertInto('user_roles')
    .values(roles.map((r) => ({ organization_id: ctx.organizationId, user_id: userId, role: r.role as Role, location_id: r.locationId })))
    .execute();
}
