import { recordAudit } from '../audit/index.ts';
import { requirePermission } from '../access/index.ts';
import { inTransaction, type Ctx } from '../shared/context.ts';
import type { User } from './identity.schemas.ts';
import { loadUser } from './user-row.ts';

/** One staff account of the organization (another organization's answers NOT_FOUND). */
export async function getUser(ctx: Ctx, id: string): Promise<User> {
  requirePermission(ctx, 'user:read');
  return inTransaction(ctx, async (tx) => {
    const user = await loadUser(tx, id);
    await recordAudit(tx, { action: 'read', resourceType: 'user', resourceId: id });
    return user;
  });
}
