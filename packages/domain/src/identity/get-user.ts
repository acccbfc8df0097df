import { recordAudit } from '../audit/index.ts';
import { requirePermission } from '../access/index.ts';
import { inTransaction, type Ctx } from '../shared/context.ts';
import type { User } from './identity.schemas.ts';
import { loadUser } from './user-row.ts';

/**
 * One staff account of the organization (another organization's answers NOT_FOUND). Opening
 * someone else's account is audited; one's own is not (nothing to account for, and it would
 * bury the rows that matter).
 */
export async function getUser(ctx: Ctx, id: string): Promise<User> {
  requirePermission(ctx, 'user:read');
  return inTransaction(ctx, async (tx) => {
    const user = await loadUser(tx, id);
    const own = tx.actor.kind === 'user' && tx.actor.userId === id;
    if (!own) await recordAudit(tx, { action: 'read', resourceType: 'user', resourceId: id });
    return user;
  });
}
