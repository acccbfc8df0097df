import { randomBytes } from 'node:crypto';
import { FakeClock } from '@domain/shared/clock.ts';
import { describe, expect, it } from 'vitest';
import { TEST_PASSWORD } from '../helpers/factories.ts';
import { createTestApp } from '../helpers/test-app.ts';

const clock = new FakeClock('2026-03-02T15:00:00Z');
const t = await createTestApp({ clock });

const MIN = 60_000;
const newIp = () => `10.${randomBytes(1)[0]}.${randomBytes(1)[0]}.${randomBytes(1)[0]}`;
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const get = (url: string, headers: Record<string, string>) => t.app.inject({ method: 'GET', url, headers });

async function signIn(email: string): Promise<string> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { email, password: TEST_PASSWORD },
    remoteAddress: newIp(),
  });
  expect(res.statusCode).toBe(200);
  return res.json().token;
}

describe('session expiry', () => {
  it('ends after 15 idle minutes, and activity keeps it alive', async () => {
    const org = await t.newOrg();
    const token = await signIn(org.users.front_desk.email);
    clock.advance(14 * MIN);
    expect((await get('/api/me', bearer(token))).statusCode).toBe(200);
    clock.advance(14 * MIN);
    expect((await get('/api/me', bearer(token))).statusCode).toBe(200);
    clock.advance(15 * MIN + 1000);
    const res = await get('/api/me', bearer(token));
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('SESSION_EXPIRED');
    // Dead for good: going back in time does not revive it.
    clock.advance(-20 * MIN);
    expect((await get('/api/me', bearer(token))).statusCode).toBe(401);
    clock.advance(20 * MIN);
    const row = await t.db
      .selectFrom('sessions')
      .select('end_reason')
      .where('user_id', '=', org.users.front_desk.id)
      .where('end_reason', 'is not', null)
      .executeTakeFirst();
    expect(row?.end_reason).toBe('idle timeout');
  });

  it('ends after 12 hours however active it is', async () => {
    const org = await t.newOrg();
    const token = await signIn(org.users.clinician.email);
    for (let i = 0; i < 12 * 6 - 1; i++) {
      clock.advance(10 * MIN);
      expect((await get('/api/me', bearer(token))).statusCode, `after ${(i + 1) * 10} min`).toBe(200);
    }
    clock.advance(10 * MIN);
    const res = await get('/api/me', bearer(token));
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('SESSION_EXPIRED');
  });

  it('is not extended by polling a passive route, nor by headers the client sends', async () => {
    const org = await t.newOrg();
    const token = await signIn(org.users.nurse.email);
    const first = await get('/api/me/session', bearer(token));
    expect(first.statusCode).toBe(200);
    const deadline = first.json().expiresAt;
    expect(deadline).toBe(new Date(clock.now().getTime() + 15 * MIN).toISOString());
    const forged = {
      ...bearer(token),
      'x-session-expires': '2099-01-01T00:00:00Z',
      'x-clinicdesk-activity': '1',
      'if-modified-since': new Date().toUTCString(),
      cookie: 'cd_session_expires=2099-01-01',
    };
    for (let i = 0; i < 14; i++) {
      clock.advance(MIN);
      const poll = await get('/api/me/session', forged);
      expect(poll.statusCode).toBe(200);
      expect(poll.json().expiresAt).toBe(deadline);
    }
    clock.advance(MIN + 1000);
    expect((await get('/api/me/session', forged)).statusCode).toBe(401);
    expect((await get('/api/me', bearer(token))).statusCode).toBe(401);
  });
});

describe('sign-in and sign-out', () => {
  it('issues a new session id at each sign-in and ends the one the browser held', async () => {
    const org = await t.newOrg();
    const first = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: org.users.biller.email, password: TEST_PASSWORD },
      remoteAddress: newIp(),
    });
    const oldToken = first.json().token;
    const oldId = (await get('/api/me', bearer(oldToken))).json().session.id;
    const second = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: org.users.biller.email, password: TEST_PASSWORD },
      cookies: { cd_session: oldToken },
      remoteAddress: newIp(),
    });
    const newToken = second.json().token;
    const newId = (await get('/api/me', bearer(newToken))).json().session.id;
    expect(newId).not.toBe(oldId);
    expect(newToken).not.toBe(oldToken);
    expect((await get('/api/me', bearer(oldToken))).statusCode).toBe(401);
  });

  it('logout with the cookie (and the CSRF header) ends the session server-side', async () => {
    const org = await t.newOrg();
    const token = await signIn(org.users.admin.email);
    const out = await t.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      cookies: { cd_session: token },
      headers: { 'x-clinicdesk-csrf': '1', 'sec-fetch-site': 'same-origin' },
    });
    expect(out.statusCode).toBe(204);
    expect((await get('/api/me', bearer(token))).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/api/me', cookies: { cd_session: token } })).statusCode).toBe(401);
  });
});

describe('attacks', () => {
  it('refuses forged, malformed and ended tokens', async () => {
    const forged = randomBytes(32).toString('base64url');
    expect((await get('/api/me', bearer(forged))).statusCode).toBe(401);
    expect((await get('/api/me', { authorization: 'Bearer x' })).statusCode).toBe(401);
    expect((await get('/api/me', { authorization: 'Basic YWRtaW46YWRtaW4=' })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/api/me', cookies: { cd_session: forged } })).statusCode).toBe(401);
    const org = await t.newOrg();
    const token = await signIn(org.users.admin.email);
    clock.advance(16 * MIN);
    const expired = await get('/api/users', bearer(token));
    expect(expired.statusCode).toBe(401);
    expect(expired.json().code).toBe('SESSION_EXPIRED');
  });

  it("answers 404 for another organization's user, whatever the route", async () => {
    const a = await t.newOrg();
    const b = await t.newOrg();
    const admin = t.as(a, 'admin');
    const target = b.users.front_desk.id;
    const sessionId = (await get('/api/me', bearer(b.users.front_desk.token))).json().session.id;
    const calls = [
      admin.get(`/api/users/${target}`),
      admin.put(`/api/users/${target}/roles`, { roles: [{ role: 'admin', locationId: null }] }),
      admin.post(`/api/users/${target}/deactivate`),
      admin.post(`/api/users/${target}/reset-mfa`),
      admin.post(`/api/users/${target}/invite`),
      admin.get(`/api/users/${target}/sessions`),
      admin.post(`/api/users/${target}/sessions/${sessionId}/end`),
      // Own user, but the other organization's session.
      admin.post(`/api/users/${a.users.front_desk.id}/sessions/${sessionId}/end`),
    ];
    for (const res of await Promise.all(calls)) expect(res.statusCode, res.body).toBe(404);
    const roles = await t.db.selectFrom('user_roles').select('role').where('user_id', '=', target).execute();
    expect(roles).toEqual([{ role: 'front_desk' }]);
    expect((await get('/api/me', bearer(b.users.front_desk.token))).statusCode).toBe(200);
    const list = (await admin.get('/api/users?limit=200')).json().items.map((u: { id: string }) => u.id);
    expect(list).not.toContain(target);
  });

  describe('cross-site requests with the session cookie', () => {
    const newUser = () => ({
      email: `csrf.${randomBytes(4).toString('hex')}@test.clinicdesk.dev`,
      displayName: 'Csrf Target',
      roles: [{ role: 'admin', locationId: null }],
    });
    const cases: [string, Record<string, string>][] = [
      ['Origin of another site', { 'x-clinicdesk-csrf': '1', origin: 'https://evil.example', host: 'clinic.example' }],
      ['Sec-Fetch-Site cross-site', { 'x-clinicdesk-csrf': '1', 'sec-fetch-site': 'cross-site', host: 'clinic.example' }],
      [
        'Sec-Fetch-Site same-site (a sibling subdomain)',
        { 'x-clinicdesk-csrf': '1', 'sec-fetch-site': 'same-site', host: 'clinic.example' },
      ],
      ['no CSRF header', { origin: 'https://clinic.example', host: 'clinic.example', 'sec-fetch-site': 'same-origin' }],
      ['a malformed Origin', { 'x-clinicdesk-csrf': '1', origin: 'null', host: 'clinic.example' }],
    ];
    for (const [label, headers] of cases) {
      it(`refuses ${label} with 403 and changes nothing`, async () => {
        const org = await t.newOrg();
        const body = newUser();
        const res = await t.app.inject({
          method: 'POST',
          url: '/api/users',
          cookies: { cd_session: org.users.admin.token },
          headers,
          payload: body,
        });
        expect(res.statusCode).toBe(403);
        expect(res.json().code).toBe('CSRF_REJECTED');
        expect(await t.db.selectFrom('users').select('id').where('email', '=', body.email).executeTakeFirst()).toBeUndefined();
      });
    }

    it('accepts the same request from the same origin with the header', async () => {
      const org = await t.newOrg();
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/users',
        cookies: { cd_session: org.users.admin.token },
        headers: { 'x-clinicdesk-csrf': '1', origin: 'https://clinic.example', host: 'clinic.example', 'sec-fetch-site': 'same-origin' },
        payload: newUser(),
      });
      expect(res.statusCode).toBe(201);
    });

    it('does not apply to bearer-token requests (no ambient credential to abuse)', async () => {
      const org = await t.newOrg();
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/users',
        headers: { ...bearer(org.users.admin.token), origin: 'https://elsewhere.example', 'sec-fetch-site': 'cross-site' },
        payload: newUser(),
      });
      expect(res.statusCode).toBe(201);
    });
  });
});
