/**
 * The password policy (NIST SP 800-63B) wherever a password is set: accepting an invite,
 * changing one's password, creating a user (API and CLI share createUser) and the
 * CLINICDESK_ADMIN_PASSWORD bootstrap. Common, breached, blank and context-built
 * passwords are refused with 400 naming the field and a reason; nothing changes.
 */
import { randomBytes } from 'node:crypto';
import { createTestDatabase } from '@db/testing.ts';
import type { Database } from '@domain/database.ts';
import { DEMO_ORG_NAME, DEMO_PASSWORD } from '@domain/demo/index.ts';
import { ensureAdmin, verifyPassword } from '@domain/identity/index.ts';
import { passwordEstimator, passwordProblem } from '@domain/identity/passwords.ts';
import { ROLES } from '@domain/access/permissions.ts';
import { systemClock } from '@domain/shared/clock.ts';
import { describe, expect, it } from 'vitest';
import { newOrganization, TEST_PASSWORD, type TestOrg } from '../helpers/factories.ts';
import { runCli } from '../helpers/ops.ts';
import { createTestApp } from '../helpers/test-app.ts';

const t = await createTestApp();

const WEAK = ['password1234', '123456789012', 'passwordpassword', ' '.repeat(12)];
const STRONG = 'maple-orbit-canoe-thistle';
const newEmail = (local = `staff.${randomBytes(4).toString('hex')}`) => `${local}@test.clinicdesk.dev`;
const login = (email: string, password: string) =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password }, remoteAddress: '10.9.9.9' });
const acceptInvite = (token: string, password: string) =>
  t.app.inject({ method: 'POST', url: '/api/auth/accept-invite', payload: { token, password } });

async function invite(org: TestOrg, email = newEmail(), displayName = 'Rowan Invitee') {
  const res = await t.as(org, 'admin').post('/api/users', { email, displayName, roles: [{ role: 'nurse', locationId: null }] });
  expect(res.statusCode, res.body).toBe(201);
  return { email, token: res.json().invite.token as string, userId: res.json().user.id as string };
}

function expectRefused(res: { statusCode: number; headers: Record<string, unknown>; json(): unknown }, path: string, message: RegExp) {
  expect(res.statusCode).toBe(400);
  expect(String(res.headers['content-type'])).toContain('application/problem+json');
  const body = res.json() as { code: string; errors: { path: string; message: string }[] };
  expect(body.code).toBe('VALIDATION_FAILED');
  expect(body.errors).toEqual([{ path, message: expect.stringMatching(message) }]);
}

describe('password policy: common, breached and blank passwords', () => {
  for (const password of WEAK) {
    it(`refuses ${JSON.stringify(password)} on accept-invite, change-password and create-user`, async () => {
      const org = await t.newOrg();
      const reason = password.trim() ? /too common|breached|too easy to guess/ : /only spaces/;

      const inv = await invite(org);
      expectRefused(await acceptInvite(inv.token, password), 'password', reason);
      const invited = await t.db.selectFrom('users').select('password_hash').where('id', '=', inv.userId).executeTakeFirstOrThrow();
      expect(invited.password_hash).toBeNull();
      expect((await acceptInvite(inv.token, STRONG)).statusCode).toBe(200); // the link still works after a refusal

      const change = await t.as(org, 'nurse').post('/api/me/password', { currentPassword: TEST_PASSWORD, newPassword: password });
      expectRefused(change, 'newPassword', reason);
      expect((await login(org.users.nurse.email, TEST_PASSWORD)).statusCode).toBe(200);

      const email = newEmail();
      const create = await t
        .as(org, 'admin')
        .post('/api/users', { email, displayName: 'Sam Weak', roles: [{ role: 'nurse', locationId: null }], password });
      expectRefused(create, 'password', reason);
      expect(await t.db.selectFrom('users').select('id').where('email', '=', email).execute()).toEqual([]);
    });
  }

  it('has a breached-password list of useful size (at least 100,000 entries)', async () => {
    expect((await passwordEstimator()).listSize).toBeGreaterThanOrEqual(100_000);
  });
});

describe('password policy: context words', () => {
  it('refuses a password containing the practice name', async () => {
    const org = await t.newOrg();
    await t.db.updateTable('organizations').set({ name: 'Riverside Family Clinic' }).where('id', '=', org.id).execute();
    const password = 'RiversideFamilyClinic#2026';
    expectRefused(await acceptInvite((await invite(org)).token, password), 'password', /practice name/);
    const change = await t.as(org, 'clinician').post('/api/me/password', { currentPassword: TEST_PASSWORD, newPassword: password });
    expectRefused(change, 'newPassword', /practice name/);
    const create = await t
      .as(org, 'admin')
      .post('/api/users', { email: newEmail(), displayName: 'Noor Haddad', roles: [{ role: 'nurse', locationId: null }], password });
    expectRefused(create, 'password', /practice name/);
  });

  it("refuses a password containing the email address's local part", async () => {
    const org = await t.newOrg();
    const email = newEmail(`marguerite.okafor.${randomBytes(2).toString('hex')}`);
    const local = email.split('@')[0] as string;
    const password = `${local}-likes-tea`;
    const create = await t
      .as(org, 'admin')
      .post('/api/users', { email, displayName: 'M. Okafor', roles: [{ role: 'nurse', locationId: null }], password });
    expectRefused(create, 'password', /email address/);
    const inv = await invite(org, email, 'M. Okafor');
    expectRefused(await acceptInvite(inv.token, password.toUpperCase()), 'password', /email address/);
  });

  it('refuses a password built on the user’s name', async () => {
    const org = await t.newOrg();
    const inv = await invite(org, newEmail(), 'Dana Desk');
    expectRefused(await acceptInvite(inv.token, 'dana-desk-passphrase'), 'password', /your name/);
  });

  it('accepts a strong passphrase everywhere, and the new password signs in', async () => {
    const org = await t.newOrg();
    const inv = await invite(org);
    expect((await acceptInvite(inv.token, STRONG)).statusCode).toBe(200);
    expect((await login(inv.email, STRONG)).statusCode).toBe(200);

    const change = await t
      .as(org, 'biller')
      .post('/api/me/password', { currentPassword: TEST_PASSWORD, newPassword: 'quartz-lagoon-fennel-88' });
    expect(change.statusCode, change.body).toBe(204);
    expect((await login(org.users.biller.email, 'quartz-lagoon-fennel-88')).statusCode).toBe(200);

    const email = newEmail();
    const create = await t.as(org, 'admin').post('/api/users', {
      email,
      displayName: 'Ola Strong',
      roles: [{ role: 'nurse', locationId: null }],
      password: 'velvet-harbor-cinder-walrus',
    });
    expect(create.statusCode, create.body).toBe(201);
    expect((await login(email, 'velvet-harbor-cinder-walrus')).statusCode).toBe(200);
  });

  it('lets the demo practice’s published logins through the policy', async () => {
    for (const role of ROLES) {
      const email = `${role.replace('_', '.')}@demo.clinicdesk.dev`;
      expect(await passwordProblem(DEMO_PASSWORD, { email, displayName: `Demo ${role}`, practiceName: DEMO_ORG_NAME }), role).toBeNull();
    }
  });
});

describe('password policy: CLINICDESK_ADMIN_PASSWORD (ensureAdmin)', () => {
  it('refuses a weak password for a new admin and for a reset, and changes nothing', async () => {
    const fresh = await createTestDatabase<Database>();
    for (const password of WEAK) {
      await expect(ensureAdmin(fresh.db, systemClock, { email: 'owner@example.org', password })).rejects.toMatchObject({
        code: 'VALIDATION_FAILED',
        errors: [{ path: 'password' }],
      });
    }
    expect(await fresh.db.selectFrom('organizations').select('id').execute()).toEqual([]);
    await expect(
      ensureAdmin(fresh.db, systemClock, {
        email: 'owner@example.org',
        password: 'SunnyvalePediatrics-77',
        organizationName: 'Sunnyvale Pediatrics',
      }),
    ).rejects.toMatchObject({ errors: [{ path: 'password', message: 'contains the practice name' }] });

    const made = await ensureAdmin(fresh.db, systemClock, { email: 'owner@example.org', password: STRONG });
    expect(made.created).toBe(true);
    await expect(ensureAdmin(fresh.db, systemClock, { email: 'owner@example.org', password: 'password1234' })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    const user = await fresh.db.selectFrom('users').select('password_hash').where('id', '=', made.userId).executeTakeFirstOrThrow();
    expect(await verifyPassword(user.password_hash, STRONG)).toBe(true);
  });
});

describe('password policy: clinicdesk user create', () => {
  it('refuses a weak CLINICDESK_NEW_PASSWORD with the reason, creating nothing', async () => {
    const db = await createTestDatabase<Database>();
    await newOrganization(db.db, systemClock);
    const res = await runCli(['user', 'create', '--email', 'cli.weak@example.org', '--role', 'nurse'], {
      DATABASE_URL: db.connectionString,
      CLINICDESK_NEW_PASSWORD: 'password1234',
    });
    expect(res.code).not.toBe(0);
    expect(res.stderr).toMatch(/too common/);
    expect(await db.db.selectFrom('users').select('id').where('email', '=', 'cli.weak@example.org').execute()).toEqual([]);
  });
});
