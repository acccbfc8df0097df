import { afterEach, describe, expect, it } from 'vitest';
import {
  type CachedSession,
  ORGANIZATION_SECURITY_CHANNEL,
  parseSessionNotice,
  SESSION_CHANNEL,
  SessionCache,
  sessionsChanged,
} from './session-cache.ts';

const ORG = '00000000-0000-4000-8000-000000000001';
const OTHER_ORG = '00000000-0000-4000-8000-000000000002';
const id = (n: number) => `10000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

function session(n: number, over: Partial<CachedSession> = {}): CachedSession {
  return {
    sessionId: id(n),
    userId: id(1000 + n),
    organizationId: ORG,
    lastSeen: 0,
    idleSeconds: 900,
    expiresAt: 1e15,
    mfaPending: false,
    mfaEnabled: false,
    orgRequiresMfa: false,
    email: `u${n}@example.test`,
    displayName: `User ${n}`,
    providerId: null,
    roles: [{ role: 'front_desk', locationId: null }],
    ...over,
  };
}

let time = 0;
const caches: SessionCache[] = [];
function cache(opts: { ttlMs?: number; maxEntries?: number } = {}): SessionCache {
  const c = new SessionCache({ ...opts, now: () => time });
  c.setListening(true);
  caches.push(c);
  return c;
}
afterEach(() => {
  for (const c of caches.splice(0)) c.close();
  time = 0;
});

describe('SessionCache', () => {
  it('keeps nothing unless the notices are flowing, and drops everything when they stop', () => {
    const c = new SessionCache({ now: () => time });
    caches.push(c);
    c.put('a', session(1), c.mark());
    expect(c.get('a')).toBeUndefined();
    c.setListening(true);
    c.put('a', session(1), c.mark());
    expect(c.get('a')?.sessionId).toBe(id(1));
    c.setListening(false);
    expect(c.size).toBe(0);
    expect(c.get('a')).toBeUndefined();
  });

  it('forgets an entry after its time to live', () => {
    const c = cache({ ttlMs: 5_000 });
    c.put('a', session(1), c.mark());
    time = 4_999;
    expect(c.get('a')).toBeDefined();
    time = 5_000;
    expect(c.get('a')).toBeUndefined();
    expect(c.size).toBe(0);
  });

  it('does not keep a lookup that started before a change', () => {
    const c = cache();
    const mark = c.mark();
    c.invalidate({ userId: id(1001) });
    c.put('a', session(1), mark);
    expect(c.has('a')).toBe(false);
  });

  it('drops by session, by user and by practice', () => {
    const c = cache();
    c.put('a', session(1), c.mark());
    c.put('b', session(2), c.mark());
    c.put('b2', session(3, { userId: id(1002) }), c.mark());
    c.put('c', session(4, { organizationId: OTHER_ORG }), c.mark());
    c.invalidate({ sessionId: id(1) });
    expect([c.has('a'), c.has('b'), c.has('b2'), c.has('c')]).toEqual([false, true, true, true]);
    c.invalidate({ userId: id(1002) });
    expect([c.has('b'), c.has('b2'), c.has('c')]).toEqual([false, false, true]);
    c.invalidate({ organizationId: OTHER_ORG });
    expect(c.size).toBe(0);
  });

  it('does not take back, for a while, the sessions a change in this process is still committing', () => {
    const c = cache({ ttlMs: 5_000 });
    c.put('a', session(1), c.mark());
    sessionsChanged({ userId: id(1001) });
    expect(c.has('a')).toBe(false);
    // A request racing the commit reads the old row: it must not be kept.
    c.put('a', session(1), c.mark());
    expect(c.has('a')).toBe(false);
    // Other users are unaffected.
    c.put('b', session(2), c.mark());
    expect(c.has('b')).toBe(true);
    time = 5_000;
    c.put('a', session(1), c.mark());
    expect(c.has('a')).toBe(true);
  });

  it('holds at most maxEntries, dropping the oldest', () => {
    const c = cache({ maxEntries: 2 });
    c.put('a', session(1), c.mark());
    c.put('b', session(2), c.mark());
    c.put('c', session(3), c.mark());
    expect([c.has('a'), c.has('b'), c.has('c')]).toEqual([false, true, true]);
    c.invalidate({ userId: id(1001) }); // the index forgot 'a' with it
    expect(c.size).toBe(2);
  });

  it('is out of reach of in-process changes once closed', () => {
    const c = cache();
    c.close();
    expect(() => sessionsChanged('all')).not.toThrow();
    c.put('a', session(1), c.mark());
    expect(c.has('a')).toBe(false);
  });
});

describe('parseSessionNotice', () => {
  it('reads the triggers’ payloads, and drops everything for one it does not understand', () => {
    expect(parseSessionNotice(SESSION_CHANNEL, `s:${id(1)}`)).toEqual({ sessionId: id(1) });
    expect(parseSessionNotice(SESSION_CHANNEL, `u:${id(2)}`)).toEqual({ userId: id(2) });
    expect(parseSessionNotice(ORGANIZATION_SECURITY_CHANNEL, ORG)).toEqual({ organizationId: ORG });
    expect(parseSessionNotice(SESSION_CHANNEL, 'x:nonsense')).toBe('all');
    expect(parseSessionNotice(SESSION_CHANNEL, undefined)).toBe('all');
    expect(parseSessionNotice(ORGANIZATION_SECURITY_CHANNEL, 'nope')).toBe('all');
    expect(parseSessionNotice('flow_board', '{}')).toBeUndefined();
  });
});
