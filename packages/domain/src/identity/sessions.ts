/**
 * Server-side sessions. The client holds an opaque random token; we store only
 * its SHA-256. Idle timeout (default 15 min, at most 30) and absolute lifetime
 * (12 h) are enforced here on every request; nothing the client sends extends
 * the absolute lifetime, and an expired session cannot be revived.
 */
import { createHash, randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { permissionsAt, ROLE_PERMISSIONS, type Role, type RoleAssignment } from '../access/index.ts';
import type { Db, UserActor } from '../shared/context.ts';
import type { Clock } from '../shared/clock.ts';

export const ABSOLUTE_LIFETIME_MS = 12 * 60 * 60 * 1000;
export const DEFAULT_IDLE_SECONDS = 15 * 60;
export const MAX_IDLE_SECONDS = 30 * 60;

export function hashToken(token: string): Buffer {
  return createHash('sha256').update(token).digest();
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

/**
 * Look up a token, enforce expiry, and slide the idle window. Returns the reason when
 * the token is unusable. An expired session is ended in the database so it stays dead.
 */
export async function resolveSession(
  db: Db,
  clock: Clock,
  token: string,
  options: { passive?: boolean; mfaPolicyOff?: boolean } = {},
): Promise<ResolvedSession | SessionProblem> {
  const now = clock.now();
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
    .where('s.token_hash', '=', hashToken(token))
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
    return 'expired';
  }
  // Slide the idle window at most every 5 seconds to keep hot paths write-light.
  // Passive requests (polling, live feeds) never slide it: only a person's actions keep a session alive.
  let lastSeen = new Date(row.last_seen_at);
  if (!options.passive && now.getTime() - lastSeen.getTime() > 5_000) {
    await db.updateTable('sessions').set({ last_seen_at: now }).where('id', '=', row.id).execute();
    lastSeen = now;
  }
  const roles = row.roles;
  // The practice requires MFA and this user has none: whatever the session was opened with, it may only enrol.
  const mfaDue = row.org_requires_mfa && !row.mfa_enabled && !options.mfaPolicyOff && roles.some((r) => needsMfa(r.role as Role));
  return {
    sessionId: row.id,
    userId: row.user_id,
    organizationId: row.organization_id,
    mfaPending: row.mfa_pending || mfaDue,
    // What the database holds, so a passive poll reports the real deadline rather than a slid one.
    expiresAt: idleExpiry(lastSeen, row.idle_timeout_seconds, new Date(row.expires_at)),
    user: {
      email: row.email,
      displayName: row.display_name,
      providerId: row.provider_id,
      roles: roles.map((r) => ({ role: r.role as Role, locationId: r.location_id })),
    },
  };
}

/** Roles that must use MFA when the organization requires it: every role that can read patient data. */
export function needsMfa(role: Role): boolean {
  return ROLE_PERMISSIONS[role].includes('patient:read');
}

export async function endSession(db: Db, clock: Clock, sessionId: string, reason: string): Promise<void> {
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
    permissions: permissionsAt(s.user.roles, locationId),
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
  await db
    .updateTable('sessions')
    .set({ ended_at: clock.now(), end_reason: reason })
    .where('token_hash', '=', hashToken(token))
    .where('ended_at', 'is', null)
    .execute();
}
