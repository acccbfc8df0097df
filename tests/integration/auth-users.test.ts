import { randomBytes } from 'node:crypto';
import { FakeClock } from '@domain/shared/clock.ts';
import { buildApp } from '@server/app.ts';
import { loadConfig } from '@server/config.ts';
import { describe, expect, it } from 'vitest';
import { TEST_PASSWORD } from '../helpers/factories.ts';
import { createTestApp } from '../helpers/test-app.ts';

const clock = new FakeClock('2026-03-02T15:00:00Z');
const t = await createTestApp({ clock });

const newIp = () => `10.${randomBytes(1)[0]}.${randomBytes(1)[0]}.${randomBytes(1)[0]}`;
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const newEmail = () => `staff.${randomBytes(4).toString('hex')}@test.clinicdesk.dev`;
const login = (email: string, password = TEST_PASSWORD) =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password }, remoteAddress: newIp() });

/** No answer may carry a hash, a TOTP secret or another user's token. */
function expectNoSecrets(body: string, tokens: string[] = []) {
  expect(body).not.toMatch(/argon2|password_?hash|mfa_?secret|token_?hash|code_?hash/i);
  for (const token of tokens) expect(body).not.toContain(token);
}

describe('user admin', () => {
  it('creates a user with a password and roles per location; lists and reads it without secrets', async () => {
    const org = await t.newOrg();
    const admin = t.as(org, 'admin');
    const email = newEmail();
    const res = await admin.post('/api/users', {
      email: email.toUpperCase(),
      displayName: 'Dana Desk',
      roles: [
        { role: 'front_desk', locationId: org.locationId },
        { role: 'nurse', locationId: null },
      ],
      password: 'amber-lamp-passphrase',
    });
    expect(res.statusCode, res.body).toBe(201);
    const { user, invite } = res.json();
    expect(invite).toBeNull();
    expect(user).toMatchObject({ email, displayName: 'Dana Desk', active: true, mfaEnabled: false, hasPassword: true });
    expect(user.roles).toHaveLength(2);
    expect((await login(email, 'amber-lamp-passphrase')).statusCode).toBe(200);

    const list = await admin.get('/api/users?limit=200');
    expect(list.statusCode).toBe(200);
    expect(list.json().nextCursor).toBeNull();
    expect(list.json().items.map((u: { email: string }) => u.email)).toContain(email);
    const one = await admin.get(`/api/users/${user.id}`);
    expect(one.json()).toEqual(user);
    const tokens = Object.values(org.users).map((u) => u.token);
    for (const r of [res, list, one]) expectNoSecrets(r.body, tokens);
  });

  it('pages the list with a cursor', async () => {
    const org = await t.newOrg();
    const admin = t.as(org, 'admin');
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await admin.get(`/api/users?limit=4${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.statusCode).toBe(200);
      seen.push(...res.json().items.map((u: { email: string }) => u.email));
      cursor = res.json().nextCursor;
    } while (cursor);
    expect(seen).toEqual(
      Object.values(org.users)
        .map((u) => u.email)
        .sort(),
    );
  });

  it('invites without a password: the one-time link sets it, then works no more', async () => {
    const org = await t.newOrg();
    const email = newEmail();
    const res = await t.as(org, 'admin').post('/api/users', {
      email,
      displayName: 'Ivy Invite',
      roles: [{ role: 'clinician', locationId: null }],
      providerId: org.providerId,
    });
    expect(res.statusCode).toBe(201);
    const { user, invite } = res.json();
    expect(user.hasPassword).toBe(false);
    expect(user.providerId).toBe(org.providerId);
    expect(invite.url).toContain(invite.token);
    expect((await login(email, 'anything-at-all-123')).statusCode).toBe(401);
    const stored = await t.db.selectFrom('user_invites').select('token_hash').where('user_id', '=', user.id).executeTakeFirstOrThrow();
    expect(stored.token_hash.toString('base64url')).not.toBe(invite.token);

    const accept = (token: string, password: string) =>
      t.app.inject({ method: 'POST', url: '/api/auth/accept-invite', payload: { token, password } });
    const weak = await accept(invite.token, 'short');
    expect(weak.statusCode).toBe(400);
    const ok = await accept(invite.token, 'ivy-chose-this-passphrase');
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual({ email });
    expect((await login(email, 'ivy-chose-this-passphrase')).statusCode).toBe(200);
    const again = await accept(invite.token, 'someone-else-passphrase');
    expect(again.statusCode).toBe(400);
    expect((await login(email, 'someone-else-passphrase')).statusCode).toBe(401);

    // A fresh link from an admin (forgotten password) expires after 7 days.
    const link = (await t.as(org, 'admin').post(`/api/users/${user.id}/invite`)).json();
    clock.advance(7 * 24 * 3600 * 1000 + 1000);
    expect((await accept(link.token, 'too-late-passphrase')).statusCode).toBe(400);
  });

  it('refuses bad or smuggled fields when creating a user (and creates nothing)', async () => {
    const org = await t.newOrg();
    const other = await t.newOrg();
    const admin = t.as(org, 'admin');
    const base = { displayName: 'X Person', roles: [{ role: 'nurse', locationId: null }] };
    const cases: [Record<string, unknown>, string][] = [
      [{ ...base, email: newEmail(), organizationId: other.id }, 'organizationId'],
      [{ ...base, email: newEmail(), passwordHash: '$argon2id$v=19$forged' }, 'passwordHash'],
      [{ ...base, email: newEmail(), mfaEnabled: true }, 'mfaEnabled'],
      [{ ...base, email: newEmail(), active: false }, 'active'],
      [{ ...base, email: 'not-an-email' }, 'email'],
      [{ ...base, email: newEmail(), roles: [{ role: 'superuser', locationId: null }] }, 'roles.0.role'],
      [{ ...base, email: newEmail(), roles: [{ role: 'nurse', locationId: other.locationId }] }, 'roles.0.locationId'],
      [{ ...base, email: newEmail(), roles: [{ role: 'nurse', locationId: null, organizationId: other.id }] }, 'roles.0.organizationId'],
      [{ ...base, email: newEmail(), providerId: other.providerId }, 'providerId'],
      [{ ...base, email: newEmail(), password: 'password' }, 'password'],
      [{ ...base, email: org.users.nurse.email }, 'email'],
    ];
    for (const [body, field] of cases) {
      const res = await admin.post('/api/users', body);
      expect([400, 409], JSON.stringify(body)).toContain(res.statusCode);
      expect(
        res.json().errors.map((e: { path: string }) => e.path),
        JSON.stringify(body),
      ).toContain(field);
    }
    const count = await t.db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('organization_id', '=', org.id)
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(6);
  });

  it('changes roles with an audit row holding before and after; the change applies on the next request', async () => {
    const org = await t.newOrg();
    const admin = t.as(org, 'admin');
    const target = org.users.front_desk;
    expect((await t.as(org, 'front_desk').get('/api/users')).statusCode).toBe(403);
    const res = await admin.put(`/api/users/${target.id}/roles`, {
      roles: [{ role: 'office_manager', locationId: org.secondLocationId }],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().roles).toEqual([{ role: 'office_manager', locationId: org.secondLocationId }]);
    const audit = await t.db
      .selectFrom('audit_events')
      .select(['user_id', 'changes'])
      .where('action', '=', 'role_change')
      .where('resource_id', '=', target.id)
      .executeTakeFirstOrThrow();
    expect(audit.user_id).toBe(org.users.admin.id);
    expect(audit.changes).toEqual({
      roles: { before: [{ role: 'front_desk', locationId: null }], after: [{ role: 'office_manager', locationId: org.secondLocationId }] },
    });
    // Office manager only at the second location: the users list opens there, not at the first.
    expect((await t.as(org, 'front_desk').get('/api/users', { 'x-location-id': org.secondLocationId })).statusCode).toBe(200);
    expect((await t.as(org, 'front_desk').get('/api/users', { 'x-location-id': org.locationId })).statusCode).toBe(403);
    const unknownField = await admin.put(`/api/users/${target.id}/roles`, { roles: [], userId: org.users.admin.id });
    expect(unknownField.statusCode).toBe(400);
  });

  it('keeps one admin and refuses self-demotion and self-deactivation', async () => {
    const org = await t.newOrg();
    const admin = t.as(org, 'admin');
    expect((await admin.put(`/api/users/${org.users.admin.id}/roles`, { roles: [] })).statusCode).toBe(409);
    expect((await admin.post(`/api/users/${org.users.admin.id}/deactivate`)).statusCode).toBe(409);
    // The office manager may not manage an administrator at all (security review: account takeover).
    const om = t.as(org, 'office_manager');
    expect((await om.put(`/api/users/${org.users.admin.id}/roles`, { roles: [{ role: 'nurse', locationId: null }] })).statusCode).toBe(403);
    expect((await om.post(`/api/users/${org.users.admin.id}/deactivate`)).statusCode).toBe(403);
    const roles = await t.db.selectFrom('user_roles').select('role').where('user_id', '=', org.users.admin.id).execute();
    expect(roles).toEqual([{ role: 'admin' }]);
  });

  it('deactivates: every session ends at once, sign-in is refused, the account stays listed as inactive', async () => {
    const org = await t.newOrg();
    const target = org.users.biller;
    const second = (await login(target.email)).json().token;
    const sessions = await t.as(org, 'admin').get(`/api/users/${target.id}/sessions`);
    expect(sessions.json().items).toHaveLength(2);
    expectNoSecrets(sessions.body, [target.token, second]);
    const res = await t.as(org, 'admin').post(`/api/users/${target.id}/deactivate`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ active: false });
    for (const token of [target.token, second])
      expect((await t.app.inject({ method: 'GET', url: '/api/me', headers: bearer(token) })).statusCode).toBe(401);
    expect((await login(target.email)).json().code).toBe('INVALID_CREDENTIALS');
    expect((await t.as(org, 'admin').get(`/api/users/${target.id}/sessions`)).json().items).toEqual([]);
    const active = (await t.as(org, 'admin').get('/api/users')).json().items.map((u: { id: string }) => u.id);
    expect(active).not.toContain(target.id);
    const all = (await t.as(org, 'admin').get('/api/users?includeInactive=true')).json().items.map((u: { id: string }) => u.id);
    expect(all).toContain(target.id);
    expect(await t.db.selectFrom('users').select('id').where('id', '=', target.id).executeTakeFirst()).toBeDefined();
    const audit = await t.db
      .selectFrom('audit_events')
      .select('details')
      .where('action', '=', 'deactivate')
      .where('resource_id', '=', target.id)
      .executeTakeFirstOrThrow();
    expect(audit.details).toEqual({ sessionsEnded: 2 });
  });

  it('lists and ends one session of a user, marking the caller’s own', async () => {
    const org = await t.newOrg();
    const second = (await login(org.users.nurse.email)).json().token;
    const list = (await t.as(org, 'admin').get(`/api/users/${org.users.nurse.id}/sessions`)).json().items;
    expect(list).toHaveLength(2);
    expect(list.every((s: { current: boolean }) => !s.current)).toBe(true);
    const secondId = (await t.app.inject({ method: 'GET', url: '/api/me', headers: bearer(second) })).json().session.id;
    const end = await t.as(org, 'admin').post(`/api/users/${org.users.nurse.id}/sessions/${secondId}/end`);
    expect(end.statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: '/api/me', headers: bearer(second) })).statusCode).toBe(401);
    expect((await t.as(org, 'nurse').get('/api/me')).statusCode).toBe(200);
    const own = (await t.as(org, 'admin').get(`/api/users/${org.users.admin.id}/sessions`)).json().items;
    expect(own.filter((s: { current: boolean }) => s.current)).toHaveLength(1);
    expect((await t.as(org, 'nurse').get(`/api/users/${org.users.nurse.id}/sessions`)).statusCode).toBe(403);
  });
});

describe('organization settings', () => {
  it('reads and changes require_mfa and the idle timeout (audited); refuses out-of-range and unknown fields', async () => {
    const org = await t.newOrg();
    const admin = t.as(org, 'admin');
    expect((await admin.get('/api/organization/settings')).json()).toEqual({
      requireMfa: false,
      requireMfaForcedOff: false,
      idleTimeoutSeconds: 900,
      icalShowPatientNames: false,
      noShowAfterMinutes: 30,
    });
    for (const bad of [
      { idleTimeoutSeconds: 1801 },
      { idleTimeoutSeconds: 30 },
      { requireMfa: 'yes' },
      { name: 'Renamed' },
      { require_mfa: true },
    ]) {
      expect((await admin.patch('/api/organization/settings', bad)).statusCode, JSON.stringify(bad)).toBe(400);
    }
    const res = await admin.patch('/api/organization/settings', { requireMfa: true, idleTimeoutSeconds: 1800 });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ requireMfa: true, idleTimeoutSeconds: 1800 });
    const row = await t.db.selectFrom('organizations').select('settings').where('id', '=', org.id).executeTakeFirstOrThrow();
    expect(row.settings).toMatchObject({ require_mfa: true, idle_timeout_seconds: 1800 });
    const audit = await t.db
      .selectFrom('audit_events')
      .select('changes')
      .where('action', '=', 'update')
      .where('resource_type', '=', 'organization_settings')
      .where('organization_id', '=', org.id)
      .executeTakeFirstOrThrow();
    expect(audit.changes).toEqual({ requireMfa: { before: false, after: true }, idleTimeoutSeconds: { before: 900, after: 1800 } });

    const signIn = await login(org.users.office_manager.email);
    expect(signIn.json().mfaPending).toBe(true);
    expect(new Date(signIn.json().expiresAt).getTime()).toBe(clock.now().getTime() + 1800 * 1000);
    // Sessions opened before the change (without a second factor) may now only enrol.
    const before = await t.as(org, 'biller').get('/api/organization/settings');
    expect([before.statusCode, before.json().code]).toEqual([401, 'MFA_REQUIRED']);
  });

  it('CLINICDESK_REQUIRE_MFA=0 forces the requirement off at sign-in', async () => {
    const config = loadConfig({ CLINICDESK_REQUIRE_MFA: '0' });
    const forced = await buildApp({ db: t.db, pool: t.database.pool, clock, config });
    try {
      const org = await t.newOrg({ settings: { require_mfa: true } });
      const res = await forced.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: org.users.admin.email, password: TEST_PASSWORD },
        remoteAddress: newIp(),
      });
      expect(res.json().mfaPending).toBe(false);
      const settings = await forced.app.inject({ method: 'GET', url: '/api/organization/settings', headers: bearer(res.json().token) });
      expect(settings.json()).toMatchObject({ requireMfa: true, requireMfaForcedOff: true });
    } finally {
      await forced.app.close();
    }
  });
});
