import { requirePermission } from '../access/index.ts';
import type { Ctx } from '../shared/context.ts';
import { AppError } from '../shared/errors.ts';
import type { User } from './identity.schemas.ts';
import { accountLocks } from './login-throttle.ts';
import { rolesOf, toUser, USER_COLUMNS } from './user-row.ts';

/** Staff accounts of the organization, by email, a page at a time (the cursor is the last email seen). */
export async function listUsers(
  ctx: Ctx,
  input: { cursor?: string | undefined; limit: number; includeInactive?: boolean; q?: string | undefined },
): Promise<{ items: User[]; nextCursor: string | null }> {
  requirePermission(ctx, 'user:read');
  let after: string | undefined;
  if (input.cursor) {
    after = Buffer.from(input.cursor, 'base64url').toString('utf8');
    if (!after.includes('@'))
      throw new AppError('VALIDATION_FAILED', 'bad cursor', { errors: [{ path: 'query.cursor', message: 'bad cursor' }] });
  }
  let q = ctx.db.selectFrom('users').select(USER_COLUMNS).where('organization_id', '=', ctx.organizationId);
  if (!input.includeInactive) q = q.where('active', '=', true);
  if (after) q = q.where('email', '>', after);
  if (input.q) {
    const like = `%${input.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where((eb) => eb.or([eb('email', 'ilike', like), eb('display_name', 'ilike', like)]));
  }
  const rows = await q
    .orderBy('email')
    .limit(input.limit + 1)
    .execute();
  const page = rows.slice(0, input.limit);
  const roles = await rolesOf(
    ctx,
    page.map((r) => r.id),
  );
  const locks = await accountLocks(
    ctx.db,
    ctx.clock,
    page.map((r) => r.email),
  );
  const last = page[page.length - 1];
  return {
    items: page.map((r) => toUser(r, roles.get(r.id) ?? [], locks.get(r.email) ?? null)),
    nextCursor: rows.length > input.limit && last ? Buffer.from(last.email).toString('base64url') : null,
  };
}
