/**
 * First start: the demo practice is what the README promises (and the same on every
 * machine), a second seed changes nothing, and CLINICDESK_ADMIN_EMAIL/PASSWORD give a
 * working admin login that ensureAdmin repairs when it was broken.
 */
import { createTestDatabase } from '@db/testing.ts';
import { ROLES } from '@domain/access/permissions.ts';
import type { Database } from '@domain/database.ts';
import { DEMO_ORG_NAME, DEMO_PASSWORD, seedDemo } from '@domain/demo/index.ts';
import { checkPasswordPolicy, ensureAdmin, verifyPassword } from '@domain/identity/index.ts';
import { FakeClock } from '@domain/shared/clock.ts';
import type { Db } from '@domain/shared/context.ts';
import { isValidNpi, isValidTimeZone } from '@domain/shared/validation.ts';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../helpers/test-app.ts';

const clock = new FakeClock();
const t = await createTestApp({ clock });
const other = await createTestDatabase<Database>();
let logins: Awaited<ReturnType<typeof seedDemo>>;

beforeAll(async () => {
  logins = await seedDemo(t.db, clock);
});

async function demoOrgId(db: Db): Promise<string> {
  return (await db.selectFrom('organizations').select('id').where('name', '=', DEMO_ORG_NAME).executeTakeFirstOrThrow()).id;
}

async function counts(db: Db) {
  const n = async (table: 'organizations' | 'locations' | 'providers' | 'rooms' | 'users' | 'user_roles' | 'patients') =>
    Number((await db.selectFrom(table).select(db.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  return {
    organizations: await n('organizations'),
    locations: await n('locations'),
    providers: await n('providers'),
    rooms: await n('rooms'),
    users: await n('users'),
    userRoles: await n('user_roles'),
    patients: await n('patients'),
  };
}

describe('demo practice', () => {
  it('has the organization, two locations in different zones, four providers with valid NPIs, three rooms', async () => {
    const orgId = await demoOrgId(t.db);
    const locations = await t.db.selectFrom('locations').select(['name', 'time_zone']).where('organization_id', '=', orgId).execute();
    expect(locations).toHaveLength(2);
    expect(locations.every((l) => isValidTimeZone(l.time_zone))).toBe(true);
    expect(new Set(locations.map((l) => l.time_zone)).size).toBe(2);
    const providers = await t.db.selectFrom('providers').select('npi').where('organization_id', '=', orgId).execute();
    expect(providers).toHaveLength(4);
    expect(providers.every((p) => isValidNpi(p.npi))).toBe(true);
    expect(new Set(providers.map((p) => p.npi)).size).toBe(4);
    const rooms = await t.db.selectFrom('rooms').select('id').where('organization_id', '=', orgId).execute();
    expect(rooms).toHaveLength(3);
    const patients = await t.db.selectFrom('patients').select('id').where('organization_id', '=', orgId).execute();
    expect(patients).toHaveLength(200);
  });

  it('has exactly one login per role, and each signs in with the printed password', async () => {
    const orgId = await demoOrgId(t.db);
    const roles = await t.db
      .selectFrom('user_roles')
      .innerJoin('users', 'users.id', 'user_roles.user_id')
      .select(['user_roles.role', 'users.email'])
      .where('user_roles.organization_id', '=', orgId)
      .execute();
    expect(roles.map((r) => r.role).sort()).toEqual([...ROLES].sort());
    expect(logins?.map((l) => l.role).sort()).toEqual([...ROLES].sort());
    for (const l of logins ?? []) {
      expect(l.password).toBe(DEMO_PASSWORD);
      expect(roles.find((r) => r.role === l.role)?.email).toBe(l.email);
      const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: l.email, password: l.password } });
      expect(res.statusCode, l.role).toBe(200);
      expect(res.json().token).toEqual(expect.any(String));
    }
  });

  it('the demo password meets the password policy for every demo account (the seeder hashes it once and skips the check)', async () => {
    const users = await t.db
      .selectFrom('users')
      .select(['email', 'display_name'])
      .where('organization_id', '=', await demoOrgId(t.db))
      .execute();
    expect(users).toHaveLength(ROLES.length);
    for (const u of users)
      await expect(
        checkPasswordPolicy(DEMO_PASSWORD, { email: u.email, displayName: u.display_name, practiceName: DEMO_ORG_NAME }),
        u.email,
      ).resolves.toBeUndefined();
  });

  it('is the same on every machine: the fixed seed gives the same patients', async () => {
    await seedDemo(other.db, clock);
    const people = (db: Db) =>
      db.selectFrom('patients').select(['given_name', 'family_name', 'birth_date', 'sex', 'email']).orderBy('mrn').execute();
    const [a, b] = [await people(t.db), await people(other.db)];
    expect(a).toHaveLength(200);
    expect(b).toEqual(a);
    expect(new Set(a.map((p) => `${p.given_name} ${p.family_name}`)).size).toBeGreaterThan(50);
  });

  it('a second seed is a no-op, even when forced', async () => {
    const before = await counts(t.db);
    expect(await seedDemo(t.db, clock)).toBeNull();
    expect(await seedDemo(t.db, clock, { force: true })).toBeNull();
    expect(await counts(t.db)).toEqual(before);
  });
});

describe('ensureAdmin (CLINICDESK_ADMIN_EMAIL / CLINICDESK_ADMIN_PASSWORD)', () => {
  const email = 'Owner@Example.org';
  const password = 'a-long-admin-passphrase-2026';

  it('creates the admin (and an organization when there is none), then repairs a broken login', async () => {
    const fresh = await createTestDatabase<Database>();
    const db = fresh.db;
    const first = await ensureAdmin(db, clock, { email, password, organizationName: 'Riverside Clinic' });
    expect(first.created).toBe(true);
    const org = await db.selectFrom('organizations').select(['id', 'name']).executeTakeFirstOrThrow();
    expect(org).toEqual({ id: first.organizationId, name: 'Riverside Clinic' });
    const user = await db.selectFrom('users').selectAll().where('id', '=', first.userId).executeTakeFirstOrThrow();
    expect(user.email).toBe('owner@example.org');
    expect(await verifyPassword(user.password_hash, password)).toBe(true);

    // Break it every way: deactivated, other password, admin role removed.
    await db
      .updateTable('users')
      .set({ active: false, deactivated_at: clock.now(), password_hash: user.password_hash?.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')) })
      .where('id', '=', first.userId)
      .execute();
    await db.deleteFrom('user_roles').where('user_id', '=', first.userId).execute();

    const again = await ensureAdmin(db, clock, { email, password });
    expect(again).toEqual({ userId: first.userId, organizationId: first.organizationId, created: false });
    const repaired = await db.selectFrom('users').selectAll().where('id', '=', first.userId).executeTakeFirstOrThrow();
    expect(repaired.active).toBe(true);
    expect(repaired.deactivated_at).toBeNull();
    expect(await verifyPassword(repaired.password_hash, password)).toBe(true);
    const roles = await db.selectFrom('user_roles').select(['role', 'location_id']).where('user_id', '=', first.userId).execute();
    expect(roles).toEqual([{ role: 'admin', location_id: null }]);

    // Idempotent: a third run adds nothing.
    await ensureAdmin(db, clock, { email, password });
    expect(await db.selectFrom('users').select('id').execute()).toHaveLength(1);
    expect(await db.selectFrom('user_roles').select('id').execute()).toHaveLength(1);
    expect(await db.selectFrom('organizations').select('id').execute()).toHaveLength(1);
  });

  it('joins the existing organization and refuses a weak password', async () => {
    const orgId = await demoOrgId(other.db);
    const r = await ensureAdmin(other.db, clock, { email: 'it@example.org', password });
    expect(r).toMatchObject({ organizationId: orgId, created: true });
    await expect(ensureAdmin(other.db, clock, { email: 'weak@example.org', password: 'password' })).rejects.toThrow();
    expect(await other.db.selectFrom('users').select('id').where('email', '=', 'weak@example.org').execute()).toEqual([]);
  });
});
