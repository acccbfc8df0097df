/**
 * Findings of the outside security review (issue 8) on accounts and sign-in: account
 * takeover through user management, lockout races, one colleague's lockout locking the
 * office, a spoofable client address, flooding before sign-in, and refusals that left no
 * trace. Each test failed before its fix.
 */
import { randomBytes } from 'node:crypto';
import { JobRunner } from '@domain/jobs/index.ts';
import { createSession } from '@domain/identity/sessions.ts';
import { FakeClock } from '@domain/shared/clock.ts';
import { buildApp } from '@server/app.ts';
import { parseTrustProxy } from '@server/config.ts';
import { jobHandlers } from '@server/jobs/index.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_PASSWORD, type TestOrg } from '../helpers/factories.ts';
import { type SmtpSink, startSmtpSink } from '../helpers/smtp-sink.ts';
import { createTestApp } from '../helpers/test-app.ts';

const clock = new FakeClock('2026-03-02T15:00:00Z');
const t = await createTestApp({ clock });
let smtp: SmtpSink;
beforeAll(async () => {
  smtp = await startSmtpSink();
});
afterAll(async () => {
  await smtp.close();
});

const newIp = () => `10.${randomBytes(1)[0]}.${randomBytes(1)[0]}.${randomBytes(1)[0]}`;
const login = (email: string, password: string, ip: string) =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password }, remoteAddress: ip });
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const freshToken = async (org: TestOrg, userId: string) =>
  (await createSession(t.db, clock, { userId, organizationId: org.id, ip: null, userAgent: null })).token;
const openSessions = (userId: string) =>
  t.db.selectFrom('sessions').select('id').where('user_id', '=', userId).where('ended_at', 'is', null).execute();

async function drainJobs(): Promise<void> {
  const runner = new JobRunner({
    db: t.db,
    clock,
    installation: t.installation,
    handlers: jobHandlers,
    runnerId: 'security',
    backoffBaseMs: 1,
  });
  while (await runner.runOnce()) {}
}

async function withMail(org: TestOrg): Promise<void> {
  const res = await t
    .as(org, 'admin')
    .patch('/api/comms/settings', { smtpHost: smtp.host, smtpPort: smtp.port, smtpFrom: 'Desk <desk@clinic.test>' });
  expect(res.statusCode).toBe(200);
}

describe('account takeover through user management (finding 2)', () => {
  it('an office manager cannot reset, re-invite, unlock, sign out, deactivate or change the roles of an administrator, and nothing changes', async () => {
    const org = await t.newOrg();
    const om = t.as(org, 'office_manager');
    const admin = org.users.admin.id;
    const before = await t.db
      .selectFrom('users')
      .select(['mfa_enabled', 'active', 'password_hash'])
      .where('id', '=', admin)
      .executeTakeFirstOrThrow();
    const sessionId = (await createSession(t.db, clock, { userId: admin, organizationId: org.id, ip: null, userAgent: null })).id;
    const attempts = [
      () => om.post(`/api/users/${admin}/reset-mfa`),
      () => om.post(`/api/users/${admin}/invite`),
      () => om.post(`/api/users/${admin}/unlock`),
      () => om.post(`/api/users/${admin}/deactivate`),
      () => om.post(`/api/users/${admin}/sessions/${sessionId}/end`),
      () => om.put(`/api/users/${admin}/roles`, { roles: [{ role: 'front_desk', locationId: null }] }),
    ];
    for (const attempt of attempts) {
      const res = await attempt();
      expect([res.statusCode, res.json().code]).toEqual([403, 'FORBIDDEN']);
    }
    expect(await t.db.selectFrom('user_invites').select('id').where('user_id', '=', admin).execute()).toEqual([]);
    expect(
      await t.db.selectFrom('users').select(['mfa_enabled', 'active', 'password_hash']).where('id', '=', admin).executeTakeFirstOrThrow(),
    ).toEqual(before);
    expect((await openSessions(admin)).map((s) => s.id)).toContain(sessionId);
    expect(await t.db.selectFrom('jobs').select('id').where('queue', '=', 'identity.security-notice').execute()).toEqual([]);
  });

  it('an office manager cannot create an administrator or a clinician, nor promote front desk to administrator', async () => {
    const org = await t.newOrg();
    const om = t.as(org, 'office_manager');
    for (const role of ['admin', 'clinician', 'nurse'] as const) {
      const email = `new.${role}.${randomBytes(3).toString('hex')}@test.clinicdesk.dev`;
      const res = await om.post('/api/users', { email, displayName: 'New Person', roles: [{ role, locationId: null }] });
      expect([res.statusCode, res.json().code], role).toEqual([403, 'FORBIDDEN']);
      expect(await t.db.selectFrom('users').select('id').where('email', '=', email).execute()).toEqual([]);
    }
    const promote = await om.put(`/api/users/${org.users.front_desk.id}/roles`, { roles: [{ role: 'admin', locationId: null }] });
    expect(promote.statusCode).toBe(403);
    expect(await t.db.selectFrom('user_roles').select('role').where('user_id', '=', org.users.front_desk.id).execute()).toEqual([
      { role: 'front_desk' },
    ]);
    // What an office manager does manage: front desk and billing staff.
    const email = `desk.${randomBytes(3).toString('hex')}@test.clinicdesk.dev`;
    expect(
      (await om.post('/api/users', { email, displayName: 'Desk', roles: [{ role: 'front_desk', locationId: null }] })).statusCode,
    ).toBe(201);
    expect(
      (await om.put(`/api/users/${org.users.front_desk.id}/roles`, { roles: [{ role: 'biller', locationId: null }] })).statusCode,
    ).toBe(200);
  });

  it('a manager limited to one location manages accounts of that location only', async () => {
    const org = await t.newOrg();
    const manager = await t.db
      .insertInto('users')
      .values({
        organization_id: org.id,
        email: `east.${randomBytes(3).toString('hex')}@test.clinicdesk.dev`,
        display_name: 'East Manager',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await t.db
      .insertInto('user_roles')
      .values({ organization_id: org.id, user_id: manager.id, role: 'office_manager', location_id: org.locationId })
      .execute();
    const token = await freshToken(org, manager.id);
    const put = (userId: string, roles: unknown) =>
      t.app.inject({
        method: 'PUT',
        url: `/api/users/${userId}/roles`,
        headers: { ...bearer(token), 'x-location-id': org.locationId },
        payload: { roles },
      });
    // The practice-wide front desk account is beyond this manager's reach, and so is a role at the other location.
    expect((await put(org.users.front_desk.id, [{ role: 'front_desk', locationId: org.locationId }])).statusCode).toBe(403);
    expect((await put(org.users.biller.id, [{ role: 'biller', locationId: org.secondLocationId }])).statusCode).toBe(403);
    const local = await t.db
      .insertInto('users')
      .values({
        organization_id: org.id,
        email: `east.desk.${randomBytes(3).toString('hex')}@test.clinicdesk.dev`,
        display_name: 'East Desk',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await t.db
      .insertInto('user_roles')
      .values({ organization_id: org.id, user_id: local.id, role: 'front_desk', location_id: org.locationId })
      .execute();
    expect((await put(local.id, [{ role: 'biller', locationId: org.locationId }])).statusCode).toBe(200);
  });

  it('nobody re-invites themselves or resets their own MFA (their own password needs the current one)', async () => {
    const org = await t.newOrg();
    for (const role of ['office_manager', 'admin'] as const) {
      const me = org.users[role].id;
      const invite = await t.as(org, role).post(`/api/users/${me}/invite`);
      expect([invite.statusCode, invite.json().code], role).toEqual([409, 'CONFLICT']);
      expect((await t.as(org, role).post(`/api/users/${me}/reset-mfa`)).statusCode, role).toBe(409);
      expect(await t.db.selectFrom('user_invites').select('id').where('user_id', '=', me).execute()).toEqual([]);
    }
  });

  it('re-inviting an active account and resetting its MFA end its sessions and tell the holder by email', async () => {
    const org = await t.newOrg();
    await withMail(org);
    const nurse = org.users.nurse;
    const admin = t.as(org, 'admin');

    await freshToken(org, nurse.id);
    expect((await openSessions(nurse.id)).length).toBeGreaterThan(0);
    const invite = await admin.post(`/api/users/${nurse.id}/invite`);
    expect(invite.statusCode).toBe(200);
    expect(await openSessions(nurse.id)).toEqual([]);

    await freshToken(org, nurse.id);
    await t.db.updateTable('users').set({ mfa_enabled: true, mfa_secret: 'JBSWY3DPEHPK3PXP' }).where('id', '=', nurse.id).execute();
    expect((await admin.post(`/api/users/${nurse.id}/reset-mfa`)).statusCode).toBe(200);
    expect(await openSessions(nurse.id)).toEqual([]);

    await drainJobs();
    const mails = smtp.messages.filter((m) => m.to.includes(nurse.email));
    expect(mails.map((m) => m.subject).sort()).toEqual([
      'ClinicDesk: A new password link was issued for your account',
      'ClinicDesk: Your two-step sign-in was reset',
    ]);
    expect(mails[0]?.text).toContain('If you did not expect this');
  });
});

describe('sign-in lockout (findings 4, 5 and 8)', () => {
  it('counts 40 simultaneous wrong passwords atomically: exactly the limit is recorded and answered 401, the rest 429', async () => {
    const org = await t.newOrg();
    const email = org.users.biller.email;
    const answers = await Promise.all(Array.from({ length: 40 }, (_, i) => login(email, `wrong-guess-${i}`, newIp())));
    const statuses = answers.map((a) => a.statusCode);
    expect(statuses.filter((s) => s === 401)).toHaveLength(10);
    expect(statuses.filter((s) => s === 429)).toHaveLength(30);
    const failures = await t.db.selectFrom('login_failures').select('id').where('email', '=', email).execute();
    expect(failures).toHaveLength(10);
    // Audited once per lockout, not once per refused attempt.
    const lockouts = await t.db
      .selectFrom('audit_events')
      .select('seq')
      .where('action', '=', 'lockout')
      .where('user_id', '=', org.users.biller.id)
      .execute();
    expect(lockouts).toHaveLength(1);
  });

  it("one colleague's typos behind the clinic's shared address lock only that account, and an administrator can unlock it", async () => {
    const org = await t.newOrg();
    const clinicIp = newIp();
    for (let i = 0; i < 10; i++) expect((await login(org.users.nurse.email, `typo-${i}`, clinicIp)).statusCode).toBe(401);
    expect((await login(org.users.nurse.email, TEST_PASSWORD, clinicIp)).statusCode).toBe(429);
    // Everyone else at the clinic still signs in.
    for (const role of ['front_desk', 'clinician', 'biller'] as const) {
      expect((await login(org.users[role].email, TEST_PASSWORD, clinicIp)).statusCode, role).toBe(200);
    }
    const admin = t.as(org, 'admin');
    const shown = await admin.get(`/api/users/${org.users.nurse.id}`);
    expect(shown.json().signInLockedUntil).toBe(new Date(clock.now().getTime() + 15 * 60_000).toISOString());
    const unlocked = await admin.post(`/api/users/${org.users.nurse.id}/unlock`);
    expect(unlocked.statusCode).toBe(200);
    expect(unlocked.json().signInLockedUntil).toBeNull();
    expect((await login(org.users.nurse.email, TEST_PASSWORD, clinicIp)).statusCode).toBe(200);
    const audit = await t.db
      .selectFrom('audit_events')
      .select(['user_id', 'details'])
      .where('action', '=', 'unlock')
      .where('resource_id', '=', org.users.nurse.id)
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]?.user_id).toBe(org.users.admin.id);
  });

  it('rate-limits unauthenticated API routes per client address with a problem+json 429', async () => {
    const limited = await buildApp({ db: t.db, pool: t.database.pool, clock, publicRateLimitPerMinute: 5 });
    try {
      const ip = newIp();
      const statuses: number[] = [];
      for (let i = 0; i < 8; i++) {
        const res = await limited.app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { email: 'flood@test.clinicdesk.dev', password: 'x' },
          remoteAddress: ip,
        });
        statuses.push(res.statusCode);
        if (res.statusCode === 429) {
          expect(res.headers['content-type']).toContain('application/problem+json');
          expect(res.json().code).toBe('RATE_LIMITED');
          expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
        }
      }
      expect(statuses.slice(0, 5).every((s) => s === 401)).toBe(true);
      expect(statuses.slice(5)).toEqual([429, 429, 429]);
      // Rate-limited attempts never reach sign-in: no audit rows for them.
      const rows = await t.db.selectFrom('audit_events').select('seq').where('action', '=', 'login').where('ip', '=', ip).execute();
      expect(rows).toHaveLength(5);
      // Another address, and signed-in routes, are not limited.
      const other = await limited.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: 'a@b.cd', password: 'x' },
        remoteAddress: newIp(),
      });
      expect(other.statusCode).toBe(401);
    } finally {
      await limited.app.close();
    }
  });
});

describe('client address behind proxies (finding 6)', () => {
  async function auditedIp(app: Awaited<ReturnType<typeof buildApp>>['app'], forwardedFor: string, remote: string): Promise<string | null> {
    const email = `probe.${randomBytes(4).toString('hex')}@test.clinicdesk.dev`;
    await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email, password: 'wrong-password' },
      remoteAddress: remote,
      headers: { 'x-forwarded-for': forwardedFor },
    });
    const row = await t.db.selectFrom('login_failures').select('ip').where('email', '=', email).executeTakeFirstOrThrow();
    return row.ip;
  }

  it('takes the address the trusted hop saw, never one the client wrote', async () => {
    for (const trustProxy of [1, ['10.9.9.9']] as const) {
      const built = await buildApp({ db: t.db, pool: t.database.pool, clock, trustProxy: trustProxy as number | string[] });
      try {
        // The client wrote 6.6.6.6 itself; the proxy at 10.9.9.9 appended the address it saw.
        expect(await auditedIp(built.app, '6.6.6.6, 203.0.113.7', '10.9.9.9')).toBe('203.0.113.7');
      } finally {
        await built.app.close();
      }
    }
    // No proxy configured: the header is ignored altogether.
    expect(await auditedIp(t.app, '6.6.6.6', '10.9.9.8')).toBe('10.9.9.8');
  });

  it('reads CLINICDESK_TRUST_PROXY as a hop count or a list of addresses, and refuses anything else', () => {
    expect(parseTrustProxy(undefined)).toBe(false);
    expect(parseTrustProxy('0')).toBe(false);
    expect(parseTrustProxy('1')).toBe(1);
    expect(parseTrustProxy('10.0.0.5, 10.1.0.0/16')).toEqual(['10.0.0.5', '10.1.0.0/16']);
    expect(() => parseTrustProxy('true')).toThrow(/CLINICDESK_TRUST_PROXY/);
    expect(() => parseTrustProxy('proxy.example')).toThrow(/CLINICDESK_TRUST_PROXY/);
  });
});

describe('refused requests leave a trace (finding 15)', () => {
  it('audits a 403 permission refusal and a 401 on a protected route, once per caller, route and minute', async () => {
    const org = await t.newOrg();
    const desk = t.as(org, 'front_desk');
    for (let i = 0; i < 3; i++) expect((await desk.get('/api/audit')).statusCode).toBe(403);
    const ip = newIp();
    for (let i = 0; i < 3; i++) {
      expect((await t.app.inject({ method: 'GET', url: '/api/patients?q=smith', remoteAddress: ip })).statusCode).toBe(401);
    }
    const denied = () =>
      t.db
        .selectFrom('audit_events')
        .select(['user_id', 'organization_id', 'ip', 'outcome', 'details'])
        .where('action', '=', 'access_denied')
        .where((eb) => eb.or([eb('user_id', '=', org.users.front_desk.id), eb('ip', '=', ip)]))
        .orderBy('seq')
        .execute();
    const rows = await denied();
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({
      user_id: org.users.front_desk.id,
      organization_id: org.id,
      outcome: 'denied',
      details: { route: 'GET /api/audit', code: 'FORBIDDEN', permission: 'audit:read' },
    });
    expect(rows[1]).toMatchObject({ user_id: null, ip, details: { route: 'GET /api/patients', code: 'UNAUTHENTICATED' } });
    clock.advance(60_000);
    expect((await desk.get('/api/audit')).statusCode).toBe(403);
    expect(await denied()).toHaveLength(3);
  });
});
