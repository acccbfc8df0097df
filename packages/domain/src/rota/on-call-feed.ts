/** A person's on-call shifts as a secret-token iCalendar feed: the token approach of providers' schedule feeds. */
import { createHash, randomBytes } from 'node:crypto';
import ical, { ICalEventStatus } from 'ical-generator';
import { can } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { actorUserId, type Ctx, inTransaction, systemCtx } from '../shared/context.ts';
import { notFound } from '../shared/errors.ts';
import { requireStaff } from './rota-refs.ts';

const newToken = (): string => randomBytes(32).toString('base64url');
const hashToken = (token: string): Buffer => createHash('sha256').update(token).digest();
const TOKEN_RE = /^[A-Za-z0-9_-]{43}$/;
const DAY_MS = 86_400_000;

/** One's own feed, or (`staff:manage`) a colleague's; anyone else is told the person is not found. */
async function feedOwner(tx: Ctx, userId: string | undefined): Promise<string> {
  const me = actorUserId(tx);
  const who = userId ?? me;
  if (!who || (who !== me && !can(tx, 'staff:manage'))) throw notFound('member of staff');
  await requireStaff(tx, who, 'userId');
  return who;
}

/** A new secret feed URL token for the person (shown once, stored as SHA-256); any earlier one stops working. */
export async function createOnCallFeedToken(ctx: Ctx, userId?: string): Promise<{ token: string; userId: string; createdAt: string }> {
  return inTransaction(ctx, async (tx) => {
    const who = await feedOwner(tx, userId);
    const now = tx.clock.now();
    await tx.db
      .updateTable('on_call_ical_tokens')
      .set({ revoked_at: now })
      .where('organization_id', '=', tx.organizationId)
      .where('user_id', '=', who)
      .where('revoked_at', 'is', null)
      .execute();
    const token = newToken();
    await tx.db
      .insertInto('on_call_ical_tokens')
      .values({
        organization_id: tx.organizationId,
        user_id: who,
        token_hash: hashToken(token),
        created_by: actorUserId(tx),
        created_at: now,
      })
      .execute();
    await recordAudit(tx, { action: 'create', resourceType: 'on_call_feed', resourceId: who });
    return { token, userId: who, createdAt: now.toISOString() };
  });
}

/** Revoke the person's feed: its URL answers 404 from then on. */
export async function revokeOnCallFeedToken(ctx: Ctx, userId?: string): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const who = await feedOwner(tx, userId);
    await tx.db
      .updateTable('on_call_ical_tokens')
      .set({ revoked_at: tx.clock.now() })
      .where('organization_id', '=', tx.organizationId)
      .where('user_id', '=', who)
      .where('revoked_at', 'is', null)
      .execute();
    await recordAudit(tx, { action: 'delete', resourceType: 'on_call_feed', resourceId: who });
  });
}

/**
 * The feed behind `/ical/on-call/<token>.ics`: the person's on-call shifts from a month back to
 * half a year ahead, each with its location and tier. No sign-in (the token is the credential:
 * unknown or revoked is NOT_FOUND); no patient data. Each fetch is audited as `ical-feed:on-call`.
 */
export async function getOnCallFeed(anonymous: Ctx, token: string): Promise<string> {
  if (!TOKEN_RE.test(token)) throw notFound('calendar feed');
  const feed = await anonymous.db
    .selectFrom('on_call_ical_tokens as k')
    .innerJoin('staff_directory as u', 'u.id', 'k.user_id')
    .innerJoin('organization_directory as o', 'o.id', 'k.organization_id')
    .select(['k.organization_id', 'k.user_id', 'u.display_name', 'u.active', 'o.name as org_name'])
    .where('k.token_hash', '=', hashToken(token))
    .where('k.revoked_at', 'is', null)
    .executeTakeFirst();
  if (!feed?.active) throw notFound('calendar feed');
  const { db, clock, requestId, baseDb, ip, userAgent } = anonymous;
  const ctx = systemCtx(db, clock, feed.organization_id, 'ical-feed:on-call', requestId, { baseDb, ip, userAgent });
  return inTransaction(ctx, async (tx) => {
    const now = tx.clock.now();
    const rows = await tx.db
      .selectFrom('on_call_shifts as s')
      .innerJoin('location_directory as l', 'l.id', 's.location_id')
      .select(['s.id', 's.starts_at', 's.ends_at', 's.tier', 's.note', 's.created_at', 'l.name as location_name'])
      .where('s.organization_id', '=', tx.organizationId)
      .where('s.user_id', '=', feed.user_id)
      .where('s.ends_at', '>=', new Date(now.getTime() - 30 * DAY_MS))
      .where('s.starts_at', '<', new Date(now.getTime() + 183 * DAY_MS))
      .orderBy('s.starts_at')
      .limit(2000)
      .execute();
    const cal = ical({
      name: `On call: ${feed.display_name} (${feed.org_name})`,
      prodId: { company: 'ClinicDesk', product: 'On-call feed', language: 'EN' },
      ttl: 15 * 60,
    });
    for (const r of rows) {
      cal.createEvent({
        id: `${r.id}@clinicdesk-on-call`,
        start: r.starts_at,
        end: r.ends_at,
        stamp: r.created_at,
        status: ICalEventStatus.CONFIRMED,
        summary: `On call (${r.tier}): ${r.location_name}`,
        location: r.location_name,
        description: r.note,
      });
    }
    await recordAudit(tx, { action: 'read', resourceType: 'on_call_feed', resourceId: feed.user_id, details: { count: rows.length } });
    const text = cal.toString();
    return text.endsWith('\r\n') ? text : `${text}\r\n`;
  });
}
