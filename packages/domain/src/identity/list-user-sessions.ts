import { requirePermission } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { inTransaction, type Ctx } from '../shared/context.ts';
import type { UserSession } from './identity.schemas.ts';
import { findUser } from './user-row.ts';

/** The user's open sessions (never their tokens), newest first. Sessions past their idle or absolute deadline are left out. */
export async function listUserSessions(ctx: Ctx, userId: string): Promise<UserSession[]> {
  requirePermission(ctx, 'user:manage');
  return inTransaction(ctx, async (tx) => {
    await findUser(tx, userId);
    const now = tx.clock.now();
    const rows = await tx.db
      .selectFrom('sessions')
      .select(['id', 'created_at', 'last_seen_at', 'expires_at', 'idle_timeout_seconds', 'mfa_pending', 'ip', 'user_agent'])
      .where('user_id', '=', userId)
      .where('organization_id', '=', tx.organizationId)
      .where('ended_at', 'is', null)
      .where('expires_at', '>', now)
      .orderBy('created_at', 'desc')
      .execute();
    const current = tx.actor.kind === 'user' ? tx.actor.sessionId : null;
    await recordAudit(tx, { action: 'read', resourceType: 'user_sessions', resourceId: userId });
    return rows
      .map((r) => {
        const idleDeadline = new Date(r.last_seen_at).getTime() + r.idle_timeout_seconds * 1000;
        return { r, deadline: Math.min(idleDeadline, new Date(r.expires_at).getTime()) };
      })
      .filter(({ deadline }) => deadline > now.getTime())
      .map(({ r, deadline }) => ({
        id: r.id,
        createdAt: new Date(r.created_at).toISOString(),
        lastSeenAt: new Date(r.last_seen_at).toISOString(),
        expiresAt: new Date(deadline).toISOString(),
        mfaPending: r.mfa_pending,
        ip: r.ip,
        userAgent: r.user_agent,
        current: r.id === current,
      }));
  });
}
