/**
 * Create a staff account with roles. Emails are unique across the installation.
 * Without a password the account is invited: the answer carries a one-time link
 * to choose one (the account cannot sign in until then).
 */
import { recordAudit } from '../audit/index.ts';
import type { Role, RoleAssignment } from '../access/index.ts';
import { requirePermission } from '../access/index.ts';
import { locationsByIds, providersByIds } from '../organizations/index.ts';
import { actorUserId, inTransaction, type Ctx } from '../shared/context.ts';
import { AppError } from '../shared/errors.ts';
import { emit } from '../shared/events.ts';
import type { Invite } from './identity.schemas.ts';
import { sessionsChanged } from './session-cache.ts';
import { assertHoldsRoles } from './admin-guard.ts';
import { newInvite } from './invite.ts';
import { checkPasswordPolicy, hashPassword, practiceNameOf } from './passwords.ts';
import { userCreated } from './user-created.ts';

export interface CreateUserInput {
  email: string;
  displayName: string;
  password?: string | undefined;
  roles: RoleAssignment[];
  providerId?: string | null | undefined;
}

/**
 * `opts.checkedPasswordHash`: the hash of `input.password` made by `hashPassword` after that
 * password is known to pass `checkPasswordPolicy` for this account: the demo seeder gives every
 * role one fixed password (a test checks it against the policy for each demo account), so it
 * hashes once and skips the policy's breached-list estimator, which costs seconds to load on a
 * first start.
 */
export async function createUser(
  ctx: Ctx,
  input: CreateUserInput,
  opts: { checkedPasswordHash?: string } = {},
): Promise<{ id: string; invite: Invite | null }> {
  requirePermission(ctx, 'user:manage');
  assertHoldsRoles(ctx, input.roles, 'create');
  const email = input.email.trim().toLowerCase();
  if (input.password !== undefined && opts.checkedPasswordHash === undefined) {
    const practiceName = await practiceNameOf(ctx.db, ctx.organizationId);
    await checkPasswordPolicy(input.password, { email, displayName: input.displayName, practiceName });
  }
  const passwordHash = input.password !== undefined ? (opts.checkedPasswordHash ?? (await hashPassword(input.password))) : null;
  return inTransaction(ctx, async (tx) => {
    await checkRoleLocations(tx, input.roles);
    if (input.providerId) await checkProvider(tx, input.providerId);
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
    const invite = passwordHash
      ? null
      : await newInvite(tx.db, tx.clock, { organizationId: tx.organizationId, userId: user.id, createdBy: actorUserId(tx) });
    await recordAudit(tx, {
      action: 'create',
      resourceType: 'user',
      resourceId: user.id,
      changes: { roles: { before: [], after: input.roles } },
      details: invite ? { invited: true } : null,
    });
    // A new colleague: other modules act in this transaction (training assigns the onboarding set).
    await emit(tx, userCreated, { userId: user.id, roles: input.roles, invited: invite !== null });
    return { id: user.id, invite };
  });
}

/** Every location named in `roles` must belong to the actor's organization. */
export async function checkRoleLocations(ctx: Ctx, roles: RoleAssignment[]): Promise<void> {
  const ids = [...new Set(roles.map((r) => r.locationId).filter((l): l is string => l !== null))];
  if (ids.length === 0) return;
  const known = new Set((await locationsByIds(ctx, ids)).map((l) => l.id));
  const errors = roles
    .map((r, i) => ({ r, i }))
    .filter(({ r }) => r.locationId !== null && !known.has(r.locationId))
    .map(({ i }) => ({ path: `roles.${i}.locationId`, message: 'unknown location' }));
  if (errors.length) throw new AppError('VALIDATION_FAILED', 'unknown location', { errors });
}

async function checkProvider(ctx: Ctx, providerId: string): Promise<void> {
  const [p] = await providersByIds(ctx, [providerId]);
  if (!p) throw new AppError('VALIDATION_FAILED', 'unknown provider', { errors: [{ path: 'providerId', message: 'unknown provider' }] });
}

export async function setRoles(ctx: Ctx, userId: string, roles: RoleAssignment[]): Promise<void> {
  // Effective on the user's next request, wherever their sessions are cached.
  sessionsChanged({ userId });
  await ctx.db.deleteFrom('user_roles').where('user_id', '=', userId).execute();
  const unique = [...new Map(roles.map((r) => [`${r.role}|${r.locationId ?? ''}`, r])).values()];
  if (unique.length === 0) return;
  await ctx.db
    .insertInto('user_roles')
    .values(unique.map((r) => ({ organization_id: ctx.organizationId, user_id: userId, role: r.role as Role, location_id: r.locationId })))
    .execute();
}
