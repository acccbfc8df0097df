/** Guards that keep a practice from locking itself out of its own administration. */
import type { Ctx } from '../shared/context.ts';
import { AppError } from '../shared/errors.ts';

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

/** Administrators do not deactivate themselves or change their own roles: another admin must. */
export function refuseSelf(ctx: Ctx, userId: string, what: string): void {
  if (ctx.actor.kind === 'user' && ctx.actor.userId === userId) throw new AppError('CONFLICT', `you cannot ${what} your own account`);
}
