/**
 * Server-side sessions. The client holds an opaque random token; we store only
 * its SHA-256. Idle timeout (default 15 min, at most 30) and absolute lifetime
 * (12 h) are enforced here on every request; nothing the client sends extends
 * the absolute lifetime, and an expired session cannot be revived.
 */
import { hash, randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { permissionsOf, ROLE_PERMISSIONS, type Role, type RoleAssignment } from '../access/index.ts';
import type { Db, UserActor } from '../shared/context.ts';
import type { Clock } from '../shared/clock.ts';
import { type CachedSession, type SessionCache, sessionsChanged } from './session-cache.ts';

export const ABSOLUTE_LIFETIME_MS = 12 * 60 * 60 * 1000;
export const DEFAULT_IDLE_SECONDS = 15 * 60;
export const MAX_IDLE_SECONDS = 30 * 60;

/** One-shot `hash` (no Hash object): it runs on every signed-in request, at half the cost. */
export function hashToken(token: string): Buffer {
  return hash('sha256', token, 'buffer');
}

/** A token's key in the session cache. */
export function sessionCacheKey(token: string): string {
  return hashToken(token).toString('base64');
}

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export interface NewSession {
  id: string;
  token: string;
  expiresAt: Date;
}

export async function createSession(
  db: Db,
  clock: Clock,
  input: {
    userId: string;
    organizationId: string;
    idleSeconds?: number;
    mfaPending?: boolean;
    ip: string | null;
    userAgent: string | null;
  },
): Promise<NewSession> {
  const token = newToken();
  const now = clock.now();
  const idle = Math.min(Math.max(input.idleSeconds ?? DEFAULT_IDLE_SECONDS, 60), MAX_IDLE_SECONDS);
  const expiresAt = new Date(now.getTime() + ABSOLUTE_LIFETIME_MS);
  const row = await db
    .insertInto('sessions')
    .values({
      organization_id: input.organizationId,
      user_id: input.userId,
      token_hash: hashToken(token),
      created_at: now,
      last_seen_at: now,
      idle_timeout_seconds: idle,
      expires_at: expiresAt,
      mfa_pending: input.mfaPending ?? false,
      ip: input.ip,
      user_agent: input.userAgent?.slice(0, 500) ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, token, expiresAt: idleExpiry(now, idle, expiresAt) };
}

function idleExpiry(lastSeen: Date, idleSeconds: number, absolute: Date): Date {
  return new Date(Math.min(lastSeen.getTime() + idleSeconds * 1000, absolute.getTime()));
}

export interface ResolvedSession {
  sessionId: string;
  userId: string;
  organizationId: string;
  mfaPending: boolean;
  expiresAt: Date;
  user: { email: string; displayName: string; providerId: string | null; roles: RoleAssignment[] };
}

export type SessionProblem = 'missing' | 'expired';

/** How often a person's activity is written to the session (the idle window slides): hot paths stay write-light. */
const SLIDE_EVERY_MS = 5_000;

/**
 * Look up a token, enforce expiry, and slide the idle window. Returns the reason when
 * the token is unusable. An expired session is ended in the database so it stays dead.
 * With `cache` (the server's), a session resolved in the last few seconds needs no query
 * (session-cache.ts); expiry is still checked on every request.
 */
export async function resolveSession(
  db: Db,
  clock: Clock,
  token: string,
  options: { passive?: boolean; mfaPolicyOff?: boolean; cache?: SessionCache } = {},
): Promise<ResolvedSession | SessionProblem> {
  const now = clock.now();
  const hash = hashToken(token);
  const cache = options.cache;
  const key = cache ? hash.toString('base64') : '';
  const hit = cache?.get(key);
  if (hit) {
    const t = now.getTime();
    if (t < hit.expiresAt && t < hit.lastSeen + hit.idleSeconds * 1000) {
      let lastSeen = hit.lastSeen;
      if (!options.passive && t - lastSeen > SLIDE_EVERY_MS) {
        // Concurrent requests of this session see it slid at once and write nothing more.
        hit.lastSeen = t;
        try {
          await slide(db, hit.sessionId, now);
        } catch (err) {
          cache?.remove(key);
          throw err;
        }
        lastSeen = t;
      }
      return resolved(hit, lastSeen, options);
    }
    // Past a deadline by what this process knows: the database decides (another process may
    // have slid the idle window), and ends the session if it agrees.
    cache?.remove(key);
  }
  const mark = cache?.mark() ?? 0;
  const row = await db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    // The practice's MFA requirement through the view organizations declares for it: still one query.
    .innerJoin('organization_security as o', 'o.organization_id', 's.organization_id')
    .select([
      'u.mfa_enabled',
      'o.require_mfa as org_requires_mfa',
      's.id',
      's.user_id',
      's.organization_id',
      's.last_seen_at',
      's.idle_timeout_seconds',
      's.expires_at',
      's.ended_at',
      's.mfa_pending',
      'u.email',
      'u.display_name',
      'u.provider_id',
      'u.active',
      // The roles come in the same round trip: this runs on every authenticated request.
      sql<
        { role: Role; location_id: string | null }[]
      >`coalesce((select json_agg(json_build_object('role', r.role, 'location_id', r.location_id)) from user_roles r where r.user_id = u.id), '[]'::json)`.as(
        'roles',
      ),
    ])
    .where('s.token_hash', '=', hash)
    .executeTakeFirst();
  if (!row) return 'missing';
  if (row.ended_at) return 'expired';
  const idleDeadline = new Date(new Date(row.last_seen_at).getTime() + row.idle_timeout_seconds * 1000);
  const reason = !row.active
    ? 'user deactivated'
    : now >= new Date(row.expires_at)
      ? 'absolute lifetime'
      : now >= idleDeadline
        ? 'idle timeout'
        : null;
  if (reason) {
    await db
      .updateTable('sessions')
      .set({ ended_at: now, end_reason: reason })
      .where('id', '=', row.id)
      .where('ended_at', 'is', null)
      .execute();
    sessionsChanged({ sessionId: row.id });
    return 'expired';
  }
  // Passive requests (polling, live feeds) never slide the window: only a person's actions keep a session alive.
  let lastSeen = new Date(row.last_seen_at).getTime();
  if (!options.passive && now.getTime() - lastSeen > SLIDE_EVERY_MS) {
    await slide(db, row.id, now);
    lastSeen = now.getTime();
  }
  const session: CachedSession = {
    sessionId: row.id,
    userId: row.user_id,
    organizationId: row.organization_id,
    lastSeen,
    idleSeconds: row.idle_timeout_seconds,
    expiresAt: new Date(row.expires_at).getTime(),
    mfaPending: row.mfa_pending,
    mfaEnabled: row.mfa_enabled,
    orgRequiresMfa: row.org_requires_mfa,
    email: row.email,
    displayName: row.display_name,
    providerId: row.provider_id,
    // Frozen: every request of the session shares them while cached.
    roles: Object.freeze(row.roles.map((r) => Object.freeze({ role: r.role, locationId: r.location_id }))),
  };
  cache?.put(key, session, mark);
  return resolved(session, lastSeen, options);
}

async function slide(db: Db, sessionId: string, now: Date): Promise<void> {
  await db.updateTable('sessions').set({ last_seen_at: now }).where('id', '=', sessionId).execute();
}

function resolved(s: CachedSession, lastSeen: number, options: { mfaPolicyOff?: boolean }): ResolvedSession {
  const roles = s.roles as RoleAssignment[];
  // The practice requires MFA and this user has none: whatever the session was opened with, it may only enrol.
  const mfaDue = s.orgRequiresMfa && !s.mfaEnabled && !options.mfaPolicyOff && roles.some((r) => needsMfa(r.role));
  return {
    sessionId: s.sessionId,
    userId: s.userId,
    organizationId: s.organizationId,
    mfaPending: s.mfaPending || mfaDue,
    // What the database holds, so a passive poll reports the real deadline rather than a slid one.
    expiresAt: new Date(Math.min(lastSeen + s.idleSeconds * 1000, s.expiresAt)),
    user: { email: s.email, displayName: s.displayName, providerId: s.providerId, roles },
  };
}

/** Roles that must use MFA when the organization requires it: every role that can read patient data. */
export function needsMfa(role: Role): boolean {
  return ROLE_PERMISSIONS[role].includes('patient:read');
}

export async function endSession(db: Db, clock: Clock, sessionId: string, reason: string): Promise<void> {
  sessionsChanged({ sessionId });
  await db
    .updateTable('sessions')
    .set({ ended_at: clock.now(), end_reason: reason })
    .where('id', '=', sessionId)
    .where('ended_at', 'is', null)
    .execute();
}

export function toUserActor(s: ResolvedSession, locationId: string | null): UserActor {
  return {
    kind: 'user',
    userId: s.userId,
    organizationId: s.organizationId,
    displayName: s.user.displayName,
    roles: s.user.roles,
    permissions: permissionsOf(s.user.roles, locationId),
    providerId: s.user.providerId,
    sessionId: s.sessionId,
  };
}

/** End every open session of a user (deactivation, MFA reset, password change), optionally sparing one. Returns how many ended. */
export async function endUserSessions(
  db: Db,
  clock: Clock,
  userId: string,
  reason: string,
  opts: { except?: string | null } = {},
): Promise<number> {
  // Every cached session of the user goes, not only the ended ones: the callers change what
  // the spared one rests on too (password, MFA, standing).
  sessionsChanged({ userId });
  let q = db
    .updateTable('sessions')
    .set({ ended_at: clock.now(), end_reason: reason })
    .where('user_id', '=', userId)
    .where('ended_at', 'is', null);
  if (opts.except) q = q.where('id', '!=', opts.except);
  const rows = await q.returning('id').execute();
  return rows.length;
}

/** End the session a client still holds when it signs in again (the old token must not outlive the new sign-in). */
export async function endSessionByToken(db: Db, clock: Clock, token: string, reason: string): Promise<void> {
  const ended = await db
    .updateTable('sessions')
    .set({ ended_at: clock.now(), end_reason: reason })
    .where('token_hash', '=', hashToken(token))
    .where('ended_at', 'is', null)
    .returning('id')
    .executeTakeFirst();
  if (ended) sessionsChanged({ sessionId: ended.id });
}
