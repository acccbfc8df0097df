/**
 * Resolved sessions kept in memory, so an authenticated request needs no session query.
 *
 * What a session check needs (the session's deadlines and MFA state, the user's standing, roles
 * and MFA, the practice's MFA requirement) is kept per token hash for a few seconds (`ttlMs`).
 * Idle timeout and absolute lifetime are still checked on every request, in memory; only what
 * another request may change is cached, and every change of it drops the entries it concerns:
 *  - in this process, at once: the use cases that end sessions or change roles, MFA or a user's
 *    standing call `sessionsChanged` (inside their transaction; entries of those sessions are
 *    not kept again until `ttlMs` has passed, so a request racing the commit cannot put back
 *    what the commit is about to change);
 *  - in every process: triggers NOTIFY on commit (migrations 0105, 0106) and the server's
 *    LISTEN connection passes the notices to `invalidate`. While that connection is down
 *    nothing is kept (a notice could be missed), and its loss or return drops every entry.
 * A lookup that started before a drop is not kept after it (`generation`), so a slow query
 * cannot put back what a notice just removed.
 */

export interface CachedSession {
  sessionId: string;
  userId: string;
  organizationId: string;
  /** Epoch ms of the last activity written to the database by this process (or read from it). */
  lastSeen: number;
  idleSeconds: number;
  /** Epoch ms of the absolute lifetime's end. */
  expiresAt: number;
  mfaPending: boolean;
  mfaEnabled: boolean;
  orgRequiresMfa: boolean;
  email: string;
  displayName: string;
  providerId: string | null;
  roles: readonly { readonly role: string; readonly locationId: string | null }[];
}

/** What changed: one session, one user's sessions, one practice's sessions, or anything. */
export type SessionChange = { sessionId?: string; userId?: string; organizationId?: string } | 'all';

/** Notices of identity's triggers (migration 0105): `s:<session id>` or `u:<user id>`. */
export const SESSION_CHANNEL = 'identity_sessions';
/** Notices of the organizations module's trigger (migration 0106): the id of a practice whose security settings changed. */
export const ORGANIZATION_SECURITY_CHANNEL = 'organization_security';

export const SESSION_CACHE_TTL_MS = 5_000;
export const SESSION_CACHE_MAX = 10_000;

interface Entry {
  session: CachedSession;
  storedAt: number;
}

export class SessionCache {
  private readonly entries = new Map<string, Entry>();
  private readonly bySession = new Map<string, string>();
  private readonly byUser = new Map<string, Set<string>>();
  /** Sessions, users and practices changed here and not yet committed: not kept again before the time given. */
  private readonly holds = new Map<string, number>();
  private generation = 0;
  private listening = false;
  private readonly ttlMs: number;
  private readonly max: number;
  private readonly now: () => number;

  constructor(opts: { ttlMs?: number; maxEntries?: number; now?: () => number } = {}) {
    this.ttlMs = opts.ttlMs ?? SESSION_CACHE_TTL_MS;
    this.max = opts.maxEntries ?? SESSION_CACHE_MAX;
    this.now = opts.now ?? (() => performance.now());
    live.add(this);
  }

  get size(): number {
    return this.entries.size;
  }

  /** The entry for a token hash, when fresh and the notices are flowing. */
  get(key: string): CachedSession | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (!this.listening || this.now() - entry.storedAt >= this.ttlMs) {
      this.remove(key);
      return undefined;
    }
    return entry.session;
  }

  /** Whether a token hash is held (fresh or not), without touching it: for tests and diagnostics. */
  has(key: string): boolean {
    return this.entries.has(key);
  }

  /** Taken before a database lookup; `put` keeps its result only if nothing was dropped since. */
  mark(): number {
    return this.generation;
  }

  put(key: string, session: CachedSession, mark: number): void {
    if (!this.listening || mark !== this.generation) return;
    if (this.held(`s:${session.sessionId}`) || this.held(`u:${session.userId}`) || this.held(`o:${session.organizationId}`)) return;
    this.remove(key);
    if (this.entries.size >= this.max) this.remove(this.entries.keys().next().value as string);
    this.entries.set(key, { session, storedAt: this.now() });
    this.bySession.set(session.sessionId, key);
    const keys = this.byUser.get(session.userId);
    if (keys) keys.add(key);
    else this.byUser.set(session.userId, new Set([key]));
  }

  remove(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.bySession.delete(entry.session.sessionId);
    const keys = this.byUser.get(entry.session.userId);
    keys?.delete(key);
    if (keys?.size === 0) this.byUser.delete(entry.session.userId);
  }

  /** Drop what `change` concerns. `hold`: the change is not committed yet, so do not keep those sessions again for a while. */
  invalidate(change: SessionChange, opts: { hold?: boolean } = {}): void {
    this.generation++;
    if (change === 'all') {
      this.clear();
      return;
    }
    const until = this.now() + this.ttlMs;
    if (change.sessionId) {
      const key = this.bySession.get(change.sessionId);
      if (key) this.remove(key);
      if (opts.hold) this.holds.set(`s:${change.sessionId}`, until);
    }
    if (change.userId) {
      for (const key of [...(this.byUser.get(change.userId) ?? [])]) this.remove(key);
      if (opts.hold) this.holds.set(`u:${change.userId}`, until);
    }
    if (change.organizationId) {
      // Rare (a practice's MFA requirement): a scan is fine.
      for (const [key, entry] of [...this.entries]) if (entry.session.organizationId === change.organizationId) this.remove(key);
      if (opts.hold) this.holds.set(`o:${change.organizationId}`, until);
    }
  }

  /** The notice connection is up (LISTEN in place) or lost: either way what was kept may have missed a notice. */
  setListening(on: boolean): void {
    this.listening = on;
    this.invalidate('all');
  }

  get isListening(): boolean {
    return this.listening;
  }

  /** Stop receiving in-process changes (the app is closing). */
  close(): void {
    this.listening = false;
    this.clear();
    live.delete(this);
  }

  private clear(): void {
    this.entries.clear();
    this.bySession.clear();
    this.byUser.clear();
  }

  private held(key: string): boolean {
    const until = this.holds.get(key);
    if (until === undefined) return false;
    if (this.now() < until) return true;
    this.holds.delete(key);
    return false;
  }
}

/** Every cache of this process (one per app instance). */
const live = new Set<SessionCache>();

/**
 * A session, a user's sessions or a practice's sessions are changing in this process (sign-out,
 * role change, deactivation, MFA): drop them from every cache here now, before the next request.
 * Other processes hear it from the database on commit.
 */
export function sessionsChanged(change: SessionChange): void {
  for (const cache of live) cache.invalidate(change, { hold: true });
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The change a notice on `channel` announces; a payload it does not understand drops everything. */
export function parseSessionNotice(channel: string, payload: string | undefined): SessionChange | undefined {
  if (channel !== SESSION_CHANNEL && channel !== ORGANIZATION_SECURITY_CHANNEL) return undefined;
  const text = payload ?? '';
  if (channel === ORGANIZATION_SECURITY_CHANNEL) return UUID.test(text) ? { organizationId: text } : 'all';
  const id = text.slice(2);
  if (UUID.test(id) && text.startsWith('s:')) return { sessionId: id };
  if (UUID.test(id) && text.startsWith('u:')) return { userId: id };
  return 'all';
}
