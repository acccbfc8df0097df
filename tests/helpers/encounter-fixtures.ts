/**
 * Encounter test data: visits in a given flow state, the practice's procedure list, a second
 * clinician linked to another provider. Rows written straight to the database; the tests
 * drive the encounters API itself.
 */
import { randomBytes } from 'node:crypto';
import { createSession } from '@domain/identity/sessions.ts';
import type { Clock } from '@domain/shared/clock.ts';
import type { Db } from '@domain/shared/context.ts';
import { TEST_PASSWORD, type TestOrg } from './factories.ts';
import { newAppointmentType } from './scheduling-factories.ts';

export { TEST_PASSWORD };

let nextSlot = 0;

/** A visit of `patientId` with the org's provider at its first location, in `status` (each in its own half hour unless `startsAt`). */
export async function visitInState(
  db: Db,
  org: TestOrg,
  patientId: string,
  o: { status?: string; startsAt?: string; providerId?: string; typeId?: string } = {},
): Promise<{ id: string; typeId: string }> {
  const typeId = o.typeId ?? (await newAppointmentType(db, org));
  const start = new Date(o.startsAt ?? Date.parse('2026-03-03T15:00:00Z') + nextSlot++ * 30 * 60_000);
  const end = new Date(start.getTime() + 30 * 60_000);
  const row = await db
    .insertInto('appointments')
    .values({
      organization_id: org.id,
      patient_id: patientId,
      provider_id: o.providerId ?? org.providerId,
      location_id: org.locationId,
      appointment_type_id: typeId,
      starts_at: start,
      ends_at: end,
      blocked_until: end,
      status: (o.status ?? 'roomed') as 'roomed',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, typeId };
}

/** The practice's procedure list: codes, fees in cents, whether billed in units. */
export async function procedureList(db: Db, org: TestOrg): Promise<void> {
  await db
    .insertInto('procedures')
    .values([
      { organization_id: org.id, code: '99213', description: 'Office visit, established, low complexity', default_fee_cents: 15000 },
      { organization_id: org.id, code: '36415', description: 'Blood draw (venipuncture)', default_fee_cents: 1500 },
      { organization_id: org.id, code: '96372', description: 'Injection', default_fee_cents: 4000, takes_units: true },
      { organization_id: org.id, code: 'G0439', description: 'Annual wellness visit, yearly', default_fee_cents: 17500 },
    ])
    .execute();
}

/** Another provider of the org with a clinician account linked to it (a session token to call as). */
export async function clinicianOf(
  db: Db,
  clock: Clock,
  org: TestOrg,
  providerId: string,
): Promise<{ userId: string; token: string; email: string }> {
  const tag = randomBytes(4).toString('hex');
  const email = `clinician2.${tag}@test.clinicdesk.dev`;
  const hash = await db.selectFrom('users').select('password_hash').where('id', '=', org.users.clinician.id).executeTakeFirstOrThrow();
  const user = await db
    .insertInto('users')
    .values({
      organization_id: org.id,
      email,
      display_name: `Second clinician ${tag}`,
      password_hash: hash.password_hash,
      provider_id: providerId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.insertInto('user_roles').values({ organization_id: org.id, user_id: user.id, role: 'clinician', location_id: null }).execute();
  const session = await createSession(db, clock, { userId: user.id, organizationId: org.id, ip: '127.0.0.1', userAgent: 'vitest' });
  return { userId: user.id, token: session.token, email };
}
