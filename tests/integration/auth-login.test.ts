import { randomBytes } from 'node:crypto';
import { FakeClock } from '@domain/shared/clock.ts';
import { buildApp } from '@server/app.ts';
import { describe, expect, it } from 'vitest';
import { IP_DELAY_FROM, IP_FAILURE_LIMIT, ipDelaySeconds } from '@domain/identity/index.ts';
import { TEST_PASSWORD } from '../helpers/factories.ts';
import { createTestApp } from '../helpers/test-app.ts';

const clock = new FakeClock('2026-03-02T15:00:00Z');
const t = await createTestApp({ clock });

/** A fresh client address per test, so the per-IP throttle of one test does not touch another. */
const newIp = () => `10.${randomBytes(1)[0]}.${randomBytes(1)[0]}.${randomBytes(1)[0]}`;

const login = (body: Record<string, unknown>, ip: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload: body, remoteAddress: ip, headers });

async function auditRows(action: string, email?: string) {
  let q = t.db.selectFrom('audit_events').selectAll().where('action', '=', action);
  if (email) {
    const u = await t.db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst();
    if (u) q = q.where('user_id', '=', u.id);
  }
  return q.orderBy('seq').execute();
}

describe('login', () => {
  it('signs in with the right password: token, expiry, HttpOnly SameSite=Strict cookie, a new session each time', async () => {
    const org = await t.newOrg();
    const ip = newIp();
    const email = org.users.front_desk.email;
    const a = await login({ email: email.toUpperCase(), password: TEST_PASSWORD }, ip);
    expect(a.statusCode).toBe(200);
    const body = a.json();
    expect(body.user.email).toBe(email);
    expect(body.user.permissions).toContain('patient:read');
    expect(body.mfaPending).toBe(false);
    expect(new Date(body.expiresAt).getTime()).toBe(clock.now().getTime() + 15 * 60 * 1000);
    const cookie = String(a.headers['set-cookie']);
    expect(cookie).toMatch(/^cd_session=/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    expect(cookie).not.toContain('Secure');
    expect(body).not.toHaveProperty('user.passwordHash');
    expect(JSON.stringify(body)).not.toContain('$argon2');

    const b = await login({ email, password: TEST_PASSWORD }, ip);
    expect(b.json().token).not.toBe(body.token);
    const sessions = await t.db
      .selectFrom('sessions')
      .select(['id', 'token_hash'])
      .where('user_id', '=', org.users.front_desk.id)
      .execute();
    // The factory's session plus one per sign-in; no row holds a token in clear.
    expect(sessions).toHaveLength(3);
    for (const s of sessions) expect(s.token_hash.toString('utf8')).not.toContain(body.token);
    const me = await t.app.inject({ method: 'GET', url: '/api/me', headers: { authorization: `Bearer ${body.token}` } });
    expect(me.statusCode).toBe(200);
    expect((await auditRows('login', email)).filter((r) => r.outcome === 'success')).toHaveLength(2);
  });

  it('gives unknown users, wrong passwords and deactivated users the same answer, and audits each failure', async () => {
    const org = await t.newOrg();
    const ip = newIp();
    await t.db.updateTable('users').set({ active: false }).where('id', '=', org.users.nurse.id).execute();
    const answers = await Promise.all([
      login({ email: `nobody.${randomBytes(3).toString('hex')}@test.clinicdesk.dev`, password: TEST_PASSWORD }, ip),
      login({ email: org.users.biller.email, password: 'wrong-password-here' }, ip),
      login({ email: org.users.nurse.email, password: TEST_PASSWORD }, ip),
    ]);
    const strip = (r: (typeof answers)[number]) => {
      const { requestId: _r, ...rest } = r.json();
      return { status: r.statusCode, body: rest, cookie: r.headers['set-cookie'] };
    };
    expect(answers.map(strip)).toEqual([strip(answers[0]!), strip(answers[0]!), strip(answers[0]!)]);
    expect(answers[0]!.statusCode).toBe(401);
    expect(answers[0]!.json().code).toBe('INVALID_CREDENTIALS');
    const denied = await t.db
      .selectFrom('audit_events')
      .select(['user_id', 'ip'])
      .where('action', '=', 'login')
      .where('outcome', '=', 'denied')
      .where('ip', '=', ip)
      .execute();
    expect(denied).toHaveLength(3);
    expect(denied.map((d) => d.user_id)).toEqual(expect.arrayContaining([org.users.biller.id, org.users.nurse.id, null]));
  });

  it('stores passwords as argon2id hashes', async () => {
    const org = await t.newOrg();
    const created = await t.as(org, 'admin').post('/api/users', {
      email: `new.${randomBytes(3).toString('hex')}@test.clinicdesk.dev`,
      displayName: 'New Person',
      roles: [{ role: 'front_desk', locationId: null }],
      password: 'a-long-unusual-passphrase-77',
    });
    expect(created.statusCode).toBe(201);
    const row = await t.db.selectFrom('users').select('password_hash').where('id', '=', created.json().user.id).executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
  });

  it('refuses unknown fields in the login body', async () => {
    const org = await t.newOrg();
    const res = await login({ email: org.users.admin.email, password: TEST_PASSWORD, organizationId: org.id }, newIp());
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([{ path: 'organizationId', message: 'Not a field this request accepts.' }]);
  });

  it('sets a Secure __Host- cookie when served over HTTPS', async () => {
    const secure = await buildApp({ db: t.db, pool: t.database.pool, clock, secureCookies: true });
    try {
      const org = await t.newOrg();
      const res = await secure.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: org.users.admin.email, password: TEST_PASSWORD },
        remoteAddress: newIp(),
      });
      expect(res.statusCode).toBe(200);
      const cookie = String(res.headers['set-cookie']);
      expect(cookie).toMatch(/^__Host-cd_session=/);
      expect(cookie).toContain('Secure');
      expect(cookie).toContain('Path=/');
      expect(cookie).not.toContain('Domain=');
      const me = await secure.app.inject({ method: 'GET', url: '/api/me', cookies: { '__Host-cd_session': res.json().token } });
      expect(me.statusCode).toBe(200);
      expect(me.headers['strict-transport-security']).toMatch(/max-age=\d{7,}/);
      // Cookie tossing: a sibling subdomain can plant a plain cd_session, never a __Host- one. Over HTTPS only the latter counts.
      const tossed = await secure.app.inject({ method: 'GET', url: '/api/me', cookies: { cd_session: res.json().token } });
      expect(tossed.statusCode).toBe(401);
    } finally {
      await secure.app.close();
    }
  });
});

describe('brute force', () => {
  it('locks an account after 10 failures: 429 with Retry-After even for the right password, and a lockout audit row', async () => {
    const org = await t.newOrg();
    const email = org.users.office_manager.email;
    for (let i = 0; i < 10; i++) {
      // Different addresses: the account limit alone must trip.
      const res = await login({ email, password: `wrong-password-${i}` }, newIp());
      expect(res.statusCode).toBe(401);
    }
    const locked = await login({ email, password: TEST_PASSWORD }, newIp());
    expect(locked.statusCode).toBe(429);
    expect(locked.headers['content-type']).toContain('application/problem+json');
    expect(locked.json().code).toBe('RATE_LIMITED');
    const retry = Number(locked.headers['retry-after']);
    expect(retry).toBeGreaterThan(0);
    expect(retry).toBeLessThanOrEqual(15 * 60);
    const lockouts = await auditRows('lockout', email);
    expect(lockouts.length).toBeGreaterThanOrEqual(1);
    expect(lockouts[0]).toMatchObject({ outcome: 'denied', organization_id: org.id, user_id: org.users.office_manager.id });

    // Once the window has passed, the right password works again and clears the account's count.
    clock.advance(15 * 60 * 1000 + 1000);
    const after = await login({ email, password: TEST_PASSWORD }, newIp());
    expect(after.statusCode).toBe(200);
  });

  it('locks unknown accounts the same way (the lockout reveals nothing)', async () => {
    const email = `ghost.${randomBytes(3).toString('hex')}@test.clinicdesk.dev`;
    for (let i = 0; i < 10; i++) await login({ email, password: `nope-${i}-nope-nope` }, newIp());
    const res = await login({ email, password: 'nope-nope-nope-nope' }, newIp());
    expect(res.statusCode).toBe(429);
    expect(res.headers['retry-after']).toBeDefined();
  });

  it('slows, then locks, an IP spraying many accounts; a success on another account does not reset that IP count', async () => {
    const org = await t.newOrg();
    const ip = newIp();
    // Spread over many (unknown) accounts so that no account lock trips first.
    const victim = (i: number) => `sprayed.${i}.${ip}@test.clinicdesk.dev`;
    for (let i = 0; i < IP_DELAY_FROM - 1; i++)
      expect((await login({ email: victim(i), password: `spray-${i}` }, ip)).statusCode).toBe(401);
    // The attacker signs in to an account they own from the same address...
    expect((await login({ email: org.users.office_manager.email, password: TEST_PASSWORD }, ip)).statusCode).toBe(200);
    // ...the next failure still counts, and from then on each attempt waits after the last failure.
    expect((await login({ email: victim(100), password: 'spray-x' }, ip)).statusCode).toBe(401);
    const slowed = await login({ email: org.users.admin.email, password: TEST_PASSWORD }, ip);
    expect(slowed.statusCode).toBe(429);
    expect(Number(slowed.headers['retry-after'])).toBe(ipDelaySeconds(IP_DELAY_FROM));
    clock.advance(ipDelaySeconds(IP_DELAY_FROM) * 1000);
    expect((await login({ email: org.users.admin.email, password: TEST_PASSWORD }, ip)).statusCode).toBe(200);
    // Straight to the address's hard limit: then it is locked, and the lock is audited once.
    await t.db
      .insertInto('login_failures')
      .values(Array.from({ length: IP_FAILURE_LIMIT }, (_, i) => ({ email: victim(1000 + i), ip, at: clock.now() })))
      .execute();
    for (let i = 0; i < 3; i++) {
      const res = await login({ email: org.users.admin.email, password: TEST_PASSWORD }, ip);
      expect(res.statusCode).toBe(429);
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(60);
    }
    // Another address is not affected, nor is the account.
    expect((await login({ email: org.users.admin.email, password: TEST_PASSWORD }, newIp())).statusCode).toBe(200);
    const lock = await t.db.selectFrom('audit_events').select('details').where('action', '=', 'lockout').where('ip', '=', ip).execute();
    expect(lock.map((l) => (l.details as { scope?: string }).scope)).toEqual(['ip']);
  });
});

describe('password policy', () => {
  const policyCases: [string, string, number][] = [
    ['too short', 'short-pw-11', 400],
    ['on the common list (any case)', 'Scandinavian', 400],
    ['too long', 'x'.repeat(129), 400],
    ['12 characters', 'tg8#kq2!vz7m', 204],
    ['64 characters', `${'river-stone-'.repeat(5)}ab12`, 204],
  ];
  for (const [label, password, status] of policyCases) {
    it(`POST /api/me/password: ${label} -> ${status}`, async () => {
      const org = await t.newOrg();
      const res = await t.as(org, 'nurse').post('/api/me/password', { currentPassword: TEST_PASSWORD, newPassword: password });
      expect(res.statusCode, res.body).toBe(status);
      if (status === 400) expect(res.json().errors[0].path).toBe('newPassword');
      const ip = newIp();
      const withNew = await login({ email: org.users.nurse.email, password }, ip);
      expect(withNew.statusCode).toBe(status === 204 ? 200 : 401);
    });
  }

  it('needs the current password, and ends the other sessions on change', async () => {
    const org = await t.newOrg();
    const second = (await login({ email: org.users.clinician.email, password: TEST_PASSWORD }, newIp())).json().token;
    const wrong = await t
      .as(org, 'clinician')
      .post('/api/me/password', { currentPassword: 'not-my-password', newPassword: 'a-brand-new-passphrase' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors[0].path).toBe('currentPassword');
    const ok = await t
      .as(org, 'clinician')
      .post('/api/me/password', { currentPassword: TEST_PASSWORD, newPassword: 'a-brand-new-passphrase' });
    expect(ok.statusCode).toBe(204);
    expect((await t.as(org, 'clinician').get('/api/me')).statusCode).toBe(200);
    const other = await t.app.inject({ method: 'GET', url: '/api/me', headers: { authorization: `Bearer ${second}` } });
    expect(other.statusCode).toBe(401);
    const audit = await auditRows('password_change', org.users.clinician.email);
    expect(audit.map((a) => a.outcome)).toEqual(['denied', 'success']);
  });

  it('refuses mass assignment on /api/me/password and changes nothing', async () => {
    const org = await t.newOrg();
    const before = await t.db.selectFrom('users').selectAll().where('id', '=', org.users.front_desk.id).executeTakeFirstOrThrow();
    const extras = [
      { organizationId: randomBytes(16).toString('hex') },
      { passwordHash: '$argon2id$v=19$m=19456,t=2,p=1$forged' },
      { roles: [{ role: 'admin', locationId: null }] },
      { mfaEnabled: false },
    ];
    for (const extra of extras) {
      const res = await t
        .as(org, 'front_desk')
        .post('/api/me/password', { currentPassword: TEST_PASSWORD, newPassword: 'another-fine-passphrase', ...extra });
      expect(res.statusCode).toBe(400);
      expect(res.json().errors.map((e: { path: string }) => e.path)).toEqual(Object.keys(extra));
    }
    const after = await t.db.selectFrom('users').selectAll().where('id', '=', org.users.front_desk.id).executeTakeFirstOrThrow();
    expect(after).toEqual(before);
    const roles = await t.db.selectFrom('user_roles').select('role').where('user_id', '=', org.users.front_desk.id).execute();
    expect(roles.map((r) => r.role)).toEqual(['front_desk']);
  });
});

describe('security headers', () => {
  it('sends a CSP that allows nothing, frame denial that agrees with it, nosniff, no-referrer and no-store on the API; HSTS only over HTTPS', async () => {
    const org = await t.newOrg();
    const res = await t.as(org, 'admin').get('/api/me');
    // A JSON answer is never a page: its policy loads nothing, and the page-only switches are left off.
    expect(res.headers['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(res.headers['cross-origin-resource-policy']).toBe('same-origin');
    expect(res.headers['cross-origin-opener-policy']).toBeUndefined();
    expect(res.headers['x-frame-options']).toBe('DENY');
    // Served over plain HTTP (development): no HSTS. The HTTPS test below checks it is sent there.
    expect(res.headers['strict-transport-security']).toBeUndefined();
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['cache-control']).toBe('no-store');
    const failed = await login({ email: 'x@y.z', password: 'nope' }, newIp());
    expect(failed.headers['cache-control']).toBe('no-store');
    expect(failed.headers['content-type']).toContain('application/problem+json');
    expect(failed.headers['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(failed.headers['x-content-type-options']).toBe('nosniff');
  });

  it('sends the whole page policy with an answer that is not JSON, under /api too (a CSV export)', async () => {
    const org = await t.newOrg();
    const res = await t.as(org, 'admin').get('/api/procedures/export.csv');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
    expect(res.headers['cross-origin-opener-policy']).toBe('same-origin');
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('logout ends the session on the server, clears the cookie and sends Clear-Site-Data', async () => {
    const org = await t.newOrg();
    const token = (await login({ email: org.users.biller.email, password: TEST_PASSWORD }, newIp())).json().token;
    const auth = { authorization: `Bearer ${token}` };
    const out = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: auth });
    expect(out.statusCode).toBe(204);
    expect(out.headers['clear-site-data']).toContain('"storage"');
    expect(String(out.headers['set-cookie'])).toMatch(/cd_session=;.*Expires=Thu, 01 Jan 1970/);
    const again = await t.app.inject({ method: 'GET', url: '/api/me', headers: auth });
    expect(again.statusCode).toBe(401);
    const row = await t.db
      .selectFrom('sessions')
      .select(['ended_at', 'end_reason'])
      .where('user_id', '=', org.users.biller.id)
      .where('end_reason', '=', 'logout')
      .executeTakeFirst();
    expect(row?.ended_at).toBeTruthy();
    expect(await auditRows('logout', org.users.biller.email)).toHaveLength(1);
  });
});
