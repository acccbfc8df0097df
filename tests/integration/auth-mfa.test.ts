import { randomBytes } from 'node:crypto';
import { FakeClock } from '@domain/shared/clock.ts';
import { generate } from 'otplib';
import { describe, expect, it } from 'vitest';
import { TEST_PASSWORD, type TestOrg } from '../helpers/factories.ts';
import { createTestApp } from '../helpers/test-app.ts';

const clock = new FakeClock('2026-03-02T15:00:00Z');
const t = await createTestApp({ clock });

const newIp = () => `10.${randomBytes(1)[0]}.${randomBytes(1)[0]}.${randomBytes(1)[0]}`;
const login = (body: Record<string, unknown>, ip = newIp()) =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload: body, remoteAddress: ip });
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const codeAt = (secret: string, at: Date = clock.now()) => generate({ secret, epoch: Math.floor(at.getTime() / 1000) });

/** Enrol and activate MFA for `role` of `org`; returns the secret and the recovery codes. */
async function enrol(org: TestOrg, role: 'admin' | 'nurse' | 'biller' = 'nurse') {
  const enrolled = await t.as(org, role).post('/api/me/mfa/enroll');
  expect(enrolled.statusCode).toBe(200);
  const { secret } = enrolled.json();
  const activated = await t.as(org, role).post('/api/me/mfa/activate', { code: await codeAt(secret) });
  expect(activated.statusCode, activated.body).toBe(200);
  return { secret: secret as string, recoveryCodes: activated.json().recoveryCodes as string[] };
}

describe('MFA enrolment', () => {
  it('enrols with a secret, an otpauth URL and a PNG QR code; activation returns 10 recovery codes stored hashed', async () => {
    const org = await t.newOrg();
    const res = await t.as(org, 'nurse').post('/api/me/mfa/enroll');
    const body = res.json();
    expect(body.secret).toMatch(/^[A-Z2-7]{16,}$/);
    expect(body.otpauthUrl).toMatch(/^otpauth:\/\/totp\/ClinicDesk:/);
    expect(body.otpauthUrl).toContain(`secret=${body.secret}`);
    expect(body.qrDataUrl).toMatch(/^data:image\/png;base64,/);
    const wrong = await t.as(org, 'nurse').post('/api/me/mfa/activate', { code: '000000' });
    expect(wrong.statusCode).toBe(400);
    expect(
      (await t.db.selectFrom('users').select('mfa_enabled').where('id', '=', org.users.nurse.id).executeTakeFirstOrThrow()).mfa_enabled,
    ).toBe(false);

    const ok = await t.as(org, 'nurse').post('/api/me/mfa/activate', { code: await codeAt(body.secret) });
    expect(ok.statusCode).toBe(200);
    const codes: string[] = ok.json().recoveryCodes;
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    const stored = await t.db.selectFrom('mfa_recovery_codes').select('code_hash').where('user_id', '=', org.users.nurse.id).execute();
    expect(stored).toHaveLength(10);
    for (const s of stored) for (const c of codes) expect(s.code_hash).not.toContain(c.replace('-', ''));
    // Shown once: /api/me says MFA is on but carries no secret or codes; enrolling again is refused.
    const me = await t.as(org, 'nurse').get('/api/me');
    expect(me.json().user.mfaEnabled).toBe(true);
    expect(me.body).not.toContain(body.secret);
    expect(me.body).not.toContain(codes[0]);
    expect((await t.as(org, 'nurse').post('/api/me/mfa/enroll')).statusCode).toBe(409);
    const actions = await t.db
      .selectFrom('audit_events')
      .select(['action', 'outcome'])
      .where('user_id', '=', org.users.nurse.id)
      .where('action', 'like', 'mfa_%')
      .orderBy('seq')
      .execute();
    expect(actions).toEqual([
      { action: 'mfa_enroll', outcome: 'success' },
      { action: 'mfa_activate', outcome: 'denied' },
      { action: 'mfa_activate', outcome: 'success' },
    ]);
  });

  it('then needs a code at login; refuses a replayed or an expired code; accepts each recovery code once', async () => {
    const org = await t.newOrg();
    const { secret, recoveryCodes } = await enrol(org);
    const email = org.users.nurse.email;
    clock.advance(60_000);

    const noCode = await login({ email, password: TEST_PASSWORD });
    expect(noCode.statusCode).toBe(401);
    expect(noCode.json().code).toBe('MFA_REQUIRED');
    expect(noCode.headers['set-cookie']).toBeUndefined();
    const badPassword = await login({ email, password: 'wrong-password-1', totp: await codeAt(secret) });
    expect(badPassword.json().code).toBe('INVALID_CREDENTIALS');

    const code = await codeAt(secret);
    const ok = await login({ email, password: TEST_PASSWORD, totp: code });
    expect(ok.statusCode).toBe(200);
    // The same code again (same time step): replay.
    const replay = await login({ email, password: TEST_PASSWORD, totp: code });
    expect(replay.statusCode).toBe(401);
    expect(replay.json().code).toBe('MFA_REQUIRED');
    // A code from an earlier step that is still inside the drift window is also refused (earlier than the last used).
    const earlier = await codeAt(secret, new Date(clock.now().getTime() - 30_000));
    expect((await login({ email, password: TEST_PASSWORD, totp: earlier })).statusCode).toBe(401);

    // An expired code: generated now, used two minutes later.
    clock.advance(30_000);
    const stale = await codeAt(secret);
    clock.advance(120_000);
    expect((await login({ email, password: TEST_PASSWORD, totp: stale })).statusCode).toBe(401);
    expect((await login({ email, password: TEST_PASSWORD, totp: await codeAt(secret) })).statusCode).toBe(200);

    const recovery = recoveryCodes[3]!;
    const r1 = await login({ email, password: TEST_PASSWORD, totp: recovery.toLowerCase() });
    expect(r1.statusCode).toBe(200);
    const r2 = await login({ email, password: TEST_PASSWORD, totp: recovery });
    expect(r2.statusCode).toBe(401);
    expect(
      await t.db
        .selectFrom('mfa_recovery_codes')
        .select('id')
        .where('user_id', '=', org.users.nurse.id)
        .where('used_at', 'is not', null)
        .execute(),
    ).toHaveLength(1);
    const verify = await t.db
      .selectFrom('audit_events')
      .select(['outcome', 'details'])
      .where('user_id', '=', org.users.nurse.id)
      .where('action', '=', 'mfa_verify')
      .orderBy('seq')
      .execute();
    expect(verify.map((v) => v.outcome)).toEqual(['success', 'denied', 'denied', 'denied', 'success', 'success', 'denied']);
    expect(verify[5]!.details).toMatchObject({ method: 'recovery_code', recoveryCodesLeft: 9 });
  });

  it('counts wrong codes toward the lockout', async () => {
    const org = await t.newOrg();
    await enrol(org);
    const email = org.users.nurse.email;
    for (let i = 0; i < 10; i++) {
      const res = await login({ email, password: TEST_PASSWORD, totp: String(100000 + i) });
      expect(res.statusCode).toBe(401);
    }
    const locked = await login({ email, password: TEST_PASSWORD, totp: '123456' });
    expect(locked.statusCode).toBe(429);
    expect(locked.headers['retry-after']).toBeDefined();
    clock.advance(16 * 60 * 1000);
  });
});

describe('MFA required by the organization', () => {
  it('gives an admin without MFA a session that can only enrol, until a code is confirmed', async () => {
    const org = await t.newOrg({ settings: { require_mfa: true } });
    const res = await login({ email: org.users.admin.email, password: TEST_PASSWORD });
    expect(res.statusCode).toBe(200);
    expect(res.json().mfaPending).toBe(true);
    const token = res.json().token;
    const get = (url: string) => t.app.inject({ method: 'GET', url, headers: bearer(token) });
    const post = (url: string, payload?: object) => t.app.inject({ method: 'POST', url, headers: bearer(token), payload: payload ?? {} });

    expect((await get('/api/me')).json().session.mfaPending).toBe(true);
    for (const url of ['/api/locations', '/api/users', '/api/organization/settings']) {
      const r = await get(url);
      expect(r.statusCode, url).toBe(401);
      expect(r.json().code).toBe('MFA_REQUIRED');
    }
    const pw = await post('/api/me/password', { currentPassword: TEST_PASSWORD, newPassword: 'a-new-passphrase-here' });
    expect(pw.json().code).toBe('MFA_REQUIRED');

    const { secret } = (await post('/api/me/mfa/enroll')).json();
    const activated = await post('/api/me/mfa/activate', { code: await codeAt(secret) });
    expect(activated.statusCode).toBe(200);
    expect((await get('/api/locations')).statusCode).toBe(200);
    expect((await get('/api/me')).json().session.mfaPending).toBe(false);
  });

  it('holds back every role that can read patient data (front desk, clinicians and nurses too), and nobody when the practice turns it off', async () => {
    const org = await t.newOrg({ settings: { require_mfa: true } });
    for (const role of ['front_desk', 'clinician', 'nurse', 'biller', 'office_manager', 'admin'] as const) {
      const res = await login({ email: org.users[role].email, password: TEST_PASSWORD });
      expect(res.json().mfaPending, role).toBe(true);
      const patients = await t.app.inject({ method: 'GET', url: '/api/patients?q=smith', headers: bearer(res.json().token) });
      expect([patients.statusCode, patients.json().code], role).toEqual([401, 'MFA_REQUIRED']);
    }
    const off = await t.newOrg({ settings: { require_mfa: false } });
    expect((await login({ email: off.users.admin.email, password: TEST_PASSWORD })).json().mfaPending).toBe(false);
  });

  it('lets an administrator reset a lost authenticator: the user signs in with the password only, and their sessions ended', async () => {
    const org = await t.newOrg();
    const { secret } = await enrol(org, 'biller');
    clock.advance(60_000);
    const session = (await login({ email: org.users.biller.email, password: TEST_PASSWORD, totp: await codeAt(secret) })).json().token;
    const reset = await t.as(org, 'admin').post(`/api/users/${org.users.biller.id}/reset-mfa`);
    expect(reset.statusCode).toBe(200);
    expect(reset.json().mfaEnabled).toBe(false);
    expect((await t.app.inject({ method: 'GET', url: '/api/me', headers: bearer(session) })).statusCode).toBe(401);
    expect(await t.db.selectFrom('mfa_recovery_codes').select('id').where('user_id', '=', org.users.biller.id).execute()).toHaveLength(0);
    expect((await login({ email: org.users.biller.email, password: TEST_PASSWORD })).statusCode).toBe(200);
    const audit = await t.db
      .selectFrom('audit_events')
      .select(['user_id', 'resource_id'])
      .where('action', '=', 'mfa_reset')
      .where('resource_id', '=', org.users.biller.id)
      .execute();
    expect(audit).toEqual([{ user_id: org.users.admin.id, resource_id: org.users.biller.id }]);
  });
});
