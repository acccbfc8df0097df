/**
 * The `clinicdesk` command against a real database through DATABASE_URL: `user create` and
 * `user unlock` (`--help` on every command: ops-cli-help.test.ts).
 */
import { createTestDatabase } from '@db/testing.ts';
import type { Database } from '@domain/database.ts';
import { LOGIN_FAILURE_LIMIT, verifyPassword } from '@domain/identity/index.ts';
import { systemClock } from '@domain/shared/clock.ts';
import { describe, expect, it } from 'vitest';
import { newOrganization } from '../helpers/factories.ts';
import { runCli } from '../helpers/ops.ts';

describe('clinicdesk user create', () => {
  it('creates a staff account with its roles in the database named by DATABASE_URL', async () => {
    const t = await createTestDatabase<Database>();
    const org = await newOrganization(t.db, systemClock);
    const password = 'front-desk-passphrase-2026';
    const env = { DATABASE_URL: t.connectionString, CLINICDESK_NEW_PASSWORD: password };

    const ok = await runCli(
      ['user', 'create', '--email', 'Jo.Front@Example.org', '--role', 'front_desk', 'nurse', '--name', 'Jo Front'],
      env,
    );
    expect(ok.code, ok.stderr).toBe(0);
    const printed = JSON.parse(ok.stdout.trim().split('\n').pop() as string);
    expect(printed).toMatchObject({ email: 'jo.front@example.org', roles: ['front_desk', 'nurse'] });
    const user = await t.db.selectFrom('users').selectAll().where('id', '=', printed.id).executeTakeFirstOrThrow();
    expect(user).toMatchObject({ email: 'jo.front@example.org', display_name: 'Jo Front', organization_id: org.id, active: true });
    expect(await verifyPassword(user.password_hash, password)).toBe(true);
    const roles = await t.db.selectFrom('user_roles').select('role').where('user_id', '=', user.id).orderBy('role').execute();
    expect(roles.map((r) => r.role)).toEqual(['front_desk', 'nurse']);

    // Refusals are one clear line on stderr, exit 1, and write nothing.
    const [dup, badRole, missing] = await Promise.all([
      runCli(['user', 'create', '--email', 'jo.front@example.org', '--role', 'biller'], env),
      runCli(['user', 'create', '--email', 'x@example.org', '--role', 'janitor'], env),
      runCli(['user', 'create', '--role', 'nurse'], env),
    ]);
    expect(dup.code).toBe(1);
    expect(dup.stderr).toMatch(/^clinicdesk: a user with this email exists/);
    expect(badRole.code).toBe(1);
    expect(badRole.stderr).toMatch(/unknown role\(s\): janitor/);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/required option '--email <email>'/);
    for (const r of [dup, badRole, missing]) expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(await t.db.selectFrom('users').select('id').where('email', 'in', ['x@example.org']).execute()).toEqual([]);
  }, 60_000);
});

describe('clinicdesk user unlock', () => {
  it('clears the failed sign-ins of a locked account (the only administrator, say) and audits it', async () => {
    const t = await createTestDatabase<Database>();
    const org = await newOrganization(t.db, systemClock);
    const email = org.users.admin.email;
    await t.db
      .insertInto('login_failures')
      .values(Array.from({ length: LOGIN_FAILURE_LIMIT }, () => ({ email, ip: '203.0.113.9', at: new Date() })))
      .execute();
    const env = { DATABASE_URL: t.connectionString };
    const ok = await runCli(['user', 'unlock', '--email', email.toUpperCase()], env);
    expect(ok.code, ok.stderr).toBe(0);
    expect(JSON.parse(ok.stdout.trim().split('\n').pop() as string)).toMatchObject({ id: org.users.admin.id, signInLockedUntil: null });
    expect(await t.db.selectFrom('login_failures').select('id').where('email', '=', email).execute()).toEqual([]);
    const audit = await t.db
      .selectFrom('audit_events')
      .select('details')
      .where('action', '=', 'unlock')
      .where('resource_id', '=', org.users.admin.id)
      .execute();
    expect(audit).toHaveLength(1);
    const unknown = await runCli(['user', 'unlock', '--email', 'nobody@example.org'], env);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/no account with the email nobody@example.org/);
  }, 60_000);
});
