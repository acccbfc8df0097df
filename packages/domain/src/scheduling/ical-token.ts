/** Calendar-feed tokens: random, shown once, stored as SHA-256. */
import { createHash, randomBytes } from 'node:crypto';
import { can } from '../access/index.ts';
import { providersByIds } from '../organizations/index.ts';
import type { Ctx } from '../shared/context.ts';
import { notFound } from '../shared/errors.ts';

export const newIcalToken = (): string => randomBytes(32).toString('base64url');
export const hashIcalToken = (token: string): Buffer => createHash('sha256').update(token).digest();

/** A feed token is only well-formed as 43 base64url characters; anything else is not looked up. */
export const ICAL_TOKEN_RE = /^[A-Za-z0-9_-]{43}$/;

/**
 * Who may manage a provider's feed: schedule managers, and the clinician who is that
 * provider. Anyone else is told the provider is not found (the route lets every
 * schedule reader in, so the answer must not differ from a foreign id).
 */
export async function requireFeedOwner(ctx: Ctx, providerId: string): Promise<void> {
  const own = ctx.actor.kind === 'user' && ctx.actor.providerId === providerId;
  if (!own && !can(ctx, 'schedule:manage')) throw notFound('provider');
  const [provider] = await providersByIds(ctx, [providerId]);
  if (!provider) throw notFound('provider');
}
