import { AppError } from '../shared/errors.ts';
import type { Ctx } from '../shared/context.ts';
import { type Permission, systemOpensRestricted } from './permissions.ts';

/**
 * True when the actor holds `permission`: a user through their roles at the context's location,
 * the system through its purpose (SYSTEM_PURPOSES in permissions.ts), nobody before sign-in.
 */
export function can(ctx: Ctx, permission: Permission): boolean {
  if (ctx.actor.kind === 'anonymous') return false;
  return ctx.actor.permissions.has(permission);
}

/** True for a system actor whose purpose reaches restricted records; a user's access to one is decided per record (patient-access.ts). */
export function systemMayOpenRestricted(ctx: Ctx): boolean {
  return ctx.actor.kind === 'system' && systemOpensRestricted(ctx.actor.purpose);
}

/** Throws FORBIDDEN unless the actor holds `permission`. Routes call this before the use case runs. */
export function requirePermission(ctx: Ctx, permission: Permission): void {
  if (!can(ctx, permission)) throw new AppError('FORBIDDEN', `missing permission ${permission}`);
}
