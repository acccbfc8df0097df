/** One-time invitation tokens: the link a new (or reset) account uses to choose its password. Only the token's hash is stored. */
import type { Clock } from '../shared/clock.ts';
import type { Db } from '../shared/context.ts';
import type { Invite } from './identity.schemas.ts';
import { hashToken, newToken } from './sessions.ts';

export const INVITE_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

/** Replace any open invite of the user with a new one. */
export async function newInvite(
  db: Db,
  clock: Clock,
  input: { organizationId: string; userId: string; createdBy: string | null },
): Promise<Invite> {
  const now = clock.now();
  await db.updateTable('user_invites').set({ used_at: now }).where('user_id', '=', input.userId).where('used_at', 'is', null).execute();
  const token = newToken();
  const expiresAt = new Date(now.getTime() + INVITE_LIFETIME_MS);
  await db
    .insertInto('user_invites')
    .values({
      organization_id: input.organizationId,
      user_id: input.userId,
      token_hash: hashToken(token),
      created_by: input.createdBy,
      created_at: now,
      expires_at: expiresAt,
    })
    .execute();
  return { token, url: `/accept-invite#token=${token}`, expiresAt: expiresAt.toISOString() };
}
