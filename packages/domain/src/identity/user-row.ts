/** Reading staff accounts inside the actor's organization, mapped to the public shape. */
import type { Role } from '../access/index.ts';
import type { Ctx } from '../shared/context.ts';
import { AppError } from '../shared/errors.ts';
import type { User } from './identity.schemas.ts';
import { accountLocks } from './login-throttle.ts';

const USER_COLUMNS = [
  'id',
  'email',
  'display_name',
  'active',
  'provider_id',
  'mfa_enabled',
  'password_hash',
  'created_at',
  'deactivated_at',
] as const;

/** The user of the actor's organization, locked for update when asked; NOT_FOUND otherwise (other organizations included). */
export async function findUser(ctx: Ctx, id: string, opts: { forUpdate?: boolean } = {}) {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw new AppError('NOT_FOUND', 'user not found');
  let q = ctx.db.selectFrom('users').select(USER_COLUMNS).where('id', '=', id).where('organization_id', '=', ctx.organizationId);
  if (opts.forUpdate) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', 'user not found');
  return row;
}

type UserRow = Awaited<ReturnType<typeof findUser>>;

export async function rolesOf(ctx: Ctx, userIds: string[]): Promise<Map<string, { role: Role; locationId: string | null }[]>> {
  const out = new Map<string, { role: Role; locationId: string | null }[]>();
  if (userIds.length === 0) return out;
  const rows = await ctx.db
    .selectFrom('user_roles')
    .select(['user_id', 'role', 'location_id'])
    .where('user_id', 'in', userIds)
    .orderBy('role')
    .orderBy('location_id')
    .execute();
  for (const r of rows) {
    const list = out.get(r.user_id) ?? [];
    list.push({ role: r.role, locationId: r.location_id });
    out.set(r.user_id, list);
  }
  return out;
}

export function toUser(row: UserRow, roles: { role: Role; locationId: string | null }[], lockedUntil: Date | null = null): User {
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    active: row.active,
    providerId: row.provider_id,
    roles,
    mfaEnabled: row.mfa_enabled,
    hasPassword: row.password_hash !== null,
    createdAt: new Date(row.created_at).toISOString(),
    deactivatedAt: row.deactivated_at ? new Date(row.deactivated_at).toISOString() : null,
    signInLockedUntil: lockedUntil ? lockedUntil.toISOString() : null,
  };
}

export async function loadUser(ctx: Ctx, id: string): Promise<User> {
  const row = await findUser(ctx, id);
  const locks = await accountLocks(ctx.db, ctx.clock, [row.email]);
  return toUser(row, (await rolesOf(ctx, [id])).get(id) ?? [], locks.get(row.email) ?? null);
}

export { USER_COLUMNS };
