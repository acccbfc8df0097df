/**
 * Factories for tests: a fresh organization per test (tenant isolation, not mocks),
 * with a location and one signed-in user per role.
 */
import { randomBytes } from 'node:crypto';
import { ROLES, type Role } from '@domain/access/permissions.ts';
import { createSession } from '@domain/identity/sessions.ts';
import type { Clock } from '@domain/shared/clock.ts';
import { type Ctx, type Db, systemCtx } from '@domain/shared/context.ts';
import { npiWithCheckDigit } from '@domain/shared/validation.ts';

// One argon2id hash of TEST_PASSWORD, computed once per file, reused for every factory user.
export const TEST_PASSWORD = 'correct-horse-battery-staple-42';
let cachedHash: Promise<string> | undefined;
export async function testPasswordHash(): Promise<string> {
  const { hashPassword } = await import('@domain/identity/passwords.ts');
  cachedHash ??= hashPassword(TEST_PASSWORD);
  return cachedHash;
}

export interface TestUser {
  id: string;
  email: string;
  role: Role;
  token: string;
}

export interface TestOrg {
  id: string;
  name: string;
  locationId: string;
  secondLocationId: string;
  providerId: string;
  users: Record<Role, TestUser>;
  /** A system-actor context for calling use cases directly (purpose `tests`: every permission but the clinical ones). */
  ctx: Ctx;
}

const uniq = () => randomBytes(4).toString('hex');

export async function newOrganization(db: Db, clock: Clock, opts: { settings?: Record<string, unknown> } = {}): Promise<TestOrg> {
  const tag = uniq();
  const org = await db
    .insertInto('organizations')
    .values({ name: `Test Practice ${tag}`, settings: JSON.stringify({ require_mfa: false, ...opts.settings }) })
    .returning(['id', 'name'])
    .executeTakeFirstOrThrow();
  const [loc1, loc2] = await db
    .insertInto('locations')
    .values([
      { organization_id: org.id, name: 'East', time_zone: 'America/New_York', state: 'MA', postal_code: '01103' },
      { organization_id: org.id, name: 'West', time_zone: 'America/Denver', state: 'CO', postal_code: '80202' },
    ])
    .returning('id')
    .execute();
  const provider = await db
    .insertInto('providers')
    .values({
      organization_id: org.id,
      given_name: 'Pat',
      family_name: `Provider${tag}`,
      npi: npiWithCheckDigit(String(100_000_000 + Math.floor(Math.random() * 800_000_000))),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const hash = await testPasswordHash();
  const users = {} as Record<Role, TestUser>;
  for (const role of ROLES) {
    const email = `${role}.${tag}@test.clinicdesk.dev`;
    const user = await db
      .insertInto('users')
      .values({
        organization_id: org.id,
        email,
        display_name: `${role} ${tag}`,
        password_hash: hash,
        provider_id: role === 'clinician' ? provider.id : null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db.insertInto('user_roles').values({ organization_id: org.id, user_id: user.id, role, location_id: null }).execute();
    const session = await createSession(db, clock, { userId: user.id, organizationId: org.id, ip: '127.0.0.1', userAgent: 'vitest' });
    users[role] = { id: user.id, email, role, token: session.token };
  }
  return {
    id: org.id,
    name: org.name,
    locationId: (loc1 as { id: string }).id,
    secondLocationId: (loc2 as { id: string }).id,
    providerId: provider.id,
    users,
    ctx: systemCtx(db, clock, org.id, 'tests', `test-${tag}`),
  };
}
