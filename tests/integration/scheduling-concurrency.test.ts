/**
 * No double-booking under load: 200 simultaneous requests for one provider's time,
 * through the real HTTP stack, on a pool wide enough that they truly race in PostgreSQL.
 */
import { createTestDatabase } from '@db/testing.ts';
import type { Database } from '@domain/database.ts';
import { FakeClock } from '@domain/shared/clock.ts';
import { buildApp } from '@server/app.ts';
import { afterAll, describe, expect, it } from 'vitest';
import { newOrganization, type TestOrg } from '../helpers/factories.ts';
import { booking, newAppointmentType, newPatient, newProvider, newRoom, weeklyHours } from '../helpers/scheduling-factories.ts';

const clock = new FakeClock('2026-03-02T15:00:00Z');
// 200 requests queue for 30 connections; on a loaded CI machine some wait longer than the
// production 5 s acquire timeout (a 503), which is not what this file tests.
const database = await createTestDatabase<Database>({ poolSize: 30, connectionTimeoutMillis: 60_000 });
const { app } = await buildApp({ db: database.db, pool: database.pool, clock });
afterAll(() => app.close());

const N = 200;

async function fire(org: TestOrg, bodies: Record<string, unknown>[]) {
  const responses = await Promise.all(
    bodies.map((payload) =>
      app.inject({ method: 'POST', url: '/api/appointments', headers: { authorization: `Bearer ${org.users.front_desk.token}` }, payload }),
    ),
  );
  const codes = responses.map((r) => (r.statusCode === 201 ? 201 : `${r.statusCode} ${r.json().code}`));
  return { ok: codes.filter((c) => c === 201).length, taken: codes.filter((c) => c === '409 SLOT_TAKEN').length, codes };
}

async function setup() {
  const org = await newOrganization(database.db, clock);
  await weeklyHours(database.db, org);
  const typeId = await newAppointmentType(database.db, org, { duration: 30 });
  const patients = await Promise.all(Array.from({ length: 20 }, () => newPatient(database.db, org)));
  return { org, typeId, patients };
}

describe(`${N} concurrent bookings`, () => {
  it('for the same slot: exactly one 201, every other answer 409 SLOT_TAKEN', async () => {
    const { org, typeId, patients } = await setup();
    const bodies = Array.from({ length: N }, (_, i) =>
      booking(org, patients[i % patients.length] as string, typeId, '2026-03-04T14:00:00Z'),
    );
    const { ok, taken, codes } = await fire(org, bodies);
    expect(ok, JSON.stringify(codes.filter((c) => c !== 201 && c !== '409 SLOT_TAKEN').slice(0, 3))).toBe(1);
    expect(taken).toBe(N - 1);
    const rows = await database.db.selectFrom('appointments').select('id').where('organization_id', '=', org.id).execute();
    expect(rows).toHaveLength(1);
  });

  it('for overlapping but different intervals (09:00 … 09:19 starts, 30 min each): exactly one wins', async () => {
    const { org, typeId, patients } = await setup();
    const bodies = Array.from({ length: N }, (_, i) =>
      booking(
        org,
        patients[i % patients.length] as string,
        typeId,
        new Date(Date.parse('2026-03-04T14:00:00Z') + (i % 20) * 60_000).toISOString(),
      ),
    );
    const { ok, taken, codes } = await fire(org, bodies);
    const odd = JSON.stringify(codes.filter((c) => c !== 201 && c !== '409 SLOT_TAKEN').slice(0, 3));
    expect(ok, odd).toBe(1);
    expect(taken, odd).toBe(N - 1);
  });

  it('for one procedure room wanted by many providers at once: exactly one gets it', async () => {
    const { org, patients } = await setup();
    const typeId = await newAppointmentType(database.db, org, { duration: 30, resourceKinds: ['procedure room'] });
    await newRoom(database.db, org, { kind: 'procedure room' });
    const providers = await Promise.all(Array.from({ length: 10 }, () => newProvider(database.db, org)));
    for (const providerId of providers) await weeklyHours(database.db, org, { providerId });
    const bodies = Array.from({ length: N }, (_, i) => ({
      ...booking(org, patients[i % patients.length] as string, typeId, '2026-03-04T14:00:00Z'),
      providerId: providers[i % providers.length],
    }));
    const { ok, taken } = await fire(org, bodies);
    expect(ok).toBe(1);
    expect(taken).toBe(N - 1);
  });

  it('two providers wanting the first of two free rooms at the same instant both get one', async () => {
    const { org, patients } = await setup();
    const typeId = await newAppointmentType(database.db, org, { duration: 30, resourceKinds: ['procedure room'] });
    const rooms = [
      await newRoom(database.db, org, { kind: 'procedure room' }),
      await newRoom(database.db, org, { kind: 'procedure room' }),
    ];
    const other = await newProvider(database.db, org);
    await weeklyHours(database.db, org, { providerId: other });
    for (let k = 0; k < 10; k++) {
      const start = new Date(Date.parse('2026-03-04T14:00:00Z') + k * 30 * 60_000).toISOString();
      const bodies = [org.providerId, other].map((providerId, i) => ({
        ...booking(org, patients[i] as string, typeId, start),
        providerId,
      }));
      const { ok } = await fire(org, bodies);
      expect(ok).toBe(2);
    }
    const used = await database.db
      .selectFrom('appointments')
      .select('reserved_room_id')
      .where('appointment_type_id', '=', typeId)
      .execute();
    expect(new Set(used.map((u) => u.reserved_room_id))).toEqual(new Set(rooms));
  });
});
